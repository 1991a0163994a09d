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
    private readonly string _host;
    private readonly string _inside;

    private NetworkNamespace(string name, string host, string inside, IPAddress hostAddress, IPAddress peerAddress)
    {
        Name = name;
        _host = host;
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
        // A subnet of its own per run: the kernel destroys a deleted namespace's devices in the
        // background, so the previous run's link may still hold its addresses for a moment.
        var subnet = "10.213." + (Environment.ProcessId % 250).ToString(CultureInfo.InvariantCulture) + ".";
        var hostAddress = IPAddress.Parse(subnet + "1");
        var peerAddress = IPAddress.Parse(subnet + "2");
        var created = new NetworkNamespace(name, host, inside, hostAddress, peerAddress);
        Ip("netns", "add", name);
        try
        {
            Ip("link", "add", host, "type", "veth", "peer", "name", inside, "netns", name);
            Ip("addr", "add", hostAddress + "/24", "dev", host);
            Ip("link", "set", host, "up");
            Ip("-n", name, "addr", "add", peerAddress + "/24", "dev", inside);
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

    /// <summary>Deletes the link (both ends at once) and the namespace.</summary>
    public void Dispose()
    {
        foreach (var command in new[] { new[] { "link", "del", _host }, new[] { "netns", "del", Name } })
        {
            try
            {
                Ip(command);
            }
            catch (InvalidOperationException)
            {
                // Already gone (or never made): nothing left to clean up.
            }
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
