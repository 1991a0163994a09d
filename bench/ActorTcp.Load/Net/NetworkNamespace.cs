using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ActorTcp.Load.Net;

/// <summary>
/// A network namespace joined to this one by a veth pair, for peers that can be made to vanish:
/// taking the namespace's end of the link down drops every packet silently, like a pulled cable,
/// and the server's sockets in this namespace are none the wiser. Needs root (<c>ip</c> from
/// iproute2); removed again on dispose, which also removes both veth ends.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private readonly string _inside;

    private NetworkNamespace(string name, string inside, IPAddress hostAddress, IPAddress peerAddress)
    {
        Name = name;
        _inside = inside;
        HostAddress = hostAddress;
        PeerAddress = peerAddress;
    }

    /// <summary>The namespace's name (for <c>ip netns exec</c>).</summary>
    public string Name { get; }

    /// <summary>This namespace's address on the link: what the peers connect to.</summary>
    public IPAddress HostAddress { get; }

    /// <summary>The peers' address.</summary>
    public IPAddress PeerAddress { get; }

    /// <summary>Creates the namespace and its link, both ends up.</summary>
    public static NetworkNamespace Create()
    {
        var id = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var name = "atb-dead-" + id;
        var host = "atbh" + id;
        var inside = "atbn" + id;
        var hostAddress = IPAddress.Parse("10.213.0.1");
        var peerAddress = IPAddress.Parse("10.213.0.2");
        var created = new NetworkNamespace(name, inside, hostAddress, peerAddress);
        Ip("netns", "add", name);
        try
        {
            Ip("link", "add", host, "type", "veth", "peer", "name", inside, "netns", name);
            Ip("addr", "add", "10.213.0.1/24", "dev", host);
            Ip("link", "set", host, "up");
            Ip("-n", name, "addr", "add", "10.213.0.2/24", "dev", inside);
            Ip("-n", name, "link", "set", inside, "up");
            Ip("-n", name, "link", "set", "lo", "up");
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    /// <summary>Takes the peers' end of the link down: from now on every packet is lost.</summary>
    public void CutLink() => Ip("-n", Name, "link", "set", _inside, "down");

    /// <summary>Deletes the namespace and the link.</summary>
    public void Dispose()
    {
        try
        {
            Ip("netns", "del", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to clean up.
        }
    }

    private static void Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ip");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)}: {error.Trim()}");
        }
    }
}
