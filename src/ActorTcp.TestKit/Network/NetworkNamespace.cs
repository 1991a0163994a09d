using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.TestKit.Network;

/// <summary>
/// A Linux network namespace joined to the test's own namespace by a veth pair, so a test can put
/// real peers on the far side of a link and then break that link in ways only a network produces: a
/// peer that vanishes without FIN or RST, or one whose acknowledgements never come back. Each
/// instance has a unique name (<see cref="NamePrefix"/>, the process id and a counter) and its own
/// private /30 from 10.213.0.0/16: <see cref="HostAddress"/> on this side, <see cref="PeerAddress"/>
/// inside. <see cref="Dispose"/> removes both, and <see cref="Create"/> first removes what crashed
/// runs left behind. Needs Linux, root and iproute2 (<c>ip</c>).
/// </summary>
/// <remarks>
/// Sockets for the namespace are created on one dedicated thread that has joined it with
/// <c>setns</c>. A socket belongs to the namespace it was created in for its whole life, so once
/// made it can be connected, read and written from any thread. Code passed to
/// <see cref="RunInside{T}"/> must not start threads or tasks: a new thread inherits its creator's
/// namespace, and a thread-pool thread stuck inside would put later sockets of unrelated code there.
/// </remarks>
/// <example>
/// <code>
/// using var peers = NetworkNamespace.Create();
/// options.Listen.Host = peers.HostAddress.ToString();
/// await using var server = await TcpServer.StartAsync(system, options, () => EchoHandler.Instance);
/// using var peer = await peers.ConnectAsync(new IPEndPoint(peers.HostAddress, server.Port));
/// peers.TakeLinkDown(); // from now on the peer neither answers nor says goodbye
/// </code>
/// A server inside, for a client on this side to dial:
/// <code>
/// using var listener = peers.OpenTcpSocket();
/// listener.Bind(new IPEndPoint(peers.PeerAddress, 0));
/// listener.Listen();
/// </code>
/// </example>
public sealed class NetworkNamespace : IDisposable
{
    /// <summary>Every namespace this type makes is named with this prefix, then the process id.</summary>
    public const string NamePrefix = "actortcp-";

    /// <summary>Interfaces this type makes are named with this prefix, then the process id in hex.</summary>
    public const string InterfacePrefix = "atc";

    /// <summary>The first address of the private range the /30 subnets are taken from (10.213.0.0/16).</summary>
    private static readonly byte[] SubnetBase = [10, 213];
    private const int SubnetCount = 1 << 14;
    private const string AllocationLockPath = "/tmp/actortcp-netns.lock";
    private static int s_counter;

    private readonly NamespaceThread _thread;
    private readonly List<Socket> _sockets = [];
    private int _disposed;

    private NetworkNamespace(string name, string hostInterface, string peerInterface, IPAddress hostAddress, IPAddress peerAddress, NamespaceThread thread)
    {
        Name = name;
        HostInterface = hostInterface;
        PeerInterface = peerInterface;
        HostAddress = hostAddress;
        PeerAddress = peerAddress;
        _thread = thread;
    }

    /// <summary>The namespace's name, as <c>ip netns list</c> shows it.</summary>
    public string Name { get; }

    /// <summary>The veth end in the test's own namespace.</summary>
    public string HostInterface { get; }

    /// <summary>The veth end inside the namespace.</summary>
    public string PeerInterface { get; }

    /// <summary>The address of <see cref="HostInterface"/>: what peers in the namespace connect to.</summary>
    public IPAddress HostAddress { get; }

    /// <summary>The address of <see cref="PeerInterface"/>: where the namespace's sockets come from.</summary>
    public IPAddress PeerAddress { get; }

    /// <summary>
    /// Removes stale namespaces and interfaces, then creates a namespace with a veth pair, addresses
    /// from a free /30, both ends and the namespace's loopback up, and the thread that opens its sockets.
    /// </summary>
    /// <exception cref="InvalidOperationException">An <c>ip</c> command failed; the message has its output.</exception>
    public static NetworkNamespace Create()
    {
        RemoveStale();
        var pid = Environment.ProcessId;
        var serial = Interlocked.Increment(ref s_counter);
        var name = string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{pid}-{serial}");
        var hostInterface = string.Create(CultureInfo.InvariantCulture, $"{InterfacePrefix}{pid:x}h{serial:x}");
        var peerInterface = string.Create(CultureInfo.InvariantCulture, $"{InterfacePrefix}{pid:x}p{serial:x}");

        IpCommand.Run("netns", "add", name);
        try
        {
            IpCommand.Run("link", "add", hostInterface, "type", "veth", "peer", "name", peerInterface, "netns", name);
            var (hostAddress, peerAddress) = AssignSubnet(hostInterface, name, peerInterface);
            IpCommand.Run("link", "set", hostInterface, "up");
            IpCommand.Run("-n", name, "link", "set", peerInterface, "up");
            IpCommand.Run("-n", name, "link", "set", "lo", "up");
            var thread = NamespaceThread.Start(name);
            return new NetworkNamespace(name, hostInterface, peerInterface, hostAddress, peerAddress, thread);
        }
        catch
        {
            IpCommand.TryRun("link", "del", hostInterface);
            IpCommand.TryRun("netns", "del", name);
            throw;
        }
    }

    /// <summary>
    /// Removes namespaces named with <see cref="NamePrefix"/> and interfaces named with
    /// <see cref="InterfacePrefix"/> whose process no longer runs: what a crashed or killed test run
    /// left. Those of running processes, this one included, are left alone.
    /// </summary>
    public static void RemoveStale()
    {
        foreach (var line in IpCommand.Run("-o", "link", "show").Split('\n'))
        {
            // "12: atc1f2ah1@if11: <BROADCAST,...> ..." — the name ends at '@' or ':'.
            var parts = line.Split(':', 3);
            if (parts.Length < 3)
            {
                continue;
            }

            var interfaceName = parts[1].Trim().Split('@')[0];
            if (ProcessOfInterface(interfaceName) is { } owner && !IsRunning(owner))
            {
                IpCommand.TryRun("link", "del", interfaceName);
            }
        }

        foreach (var line in IpCommand.Run("netns", "list").Split('\n'))
        {
            // "actortcp-4242-1 (id: 3)"
            var namespaceName = line.Split(' ', 2)[0].Trim();
            if (ProcessOfNamespace(namespaceName) is { } owner && !IsRunning(owner))
            {
                IpCommand.TryRun("netns", "del", namespaceName);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the thread that lives inside the namespace and returns its
    /// result; sockets it creates belong to the namespace. It must not start threads or tasks.
    /// </summary>
    /// <param name="action">What to run inside.</param>
    /// <returns>What <paramref name="action"/> returned.</returns>
    public T RunInside<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _thread.Run(action);
    }

    /// <summary>
    /// A new TCP socket inside the namespace, closed at <see cref="Dispose"/> if the test has not.
    /// Bind, listen, connect, read and write it from any thread.
    /// </summary>
    public Socket OpenTcpSocket()
    {
        var socket = RunInside(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        lock (_sockets)
        {
            _sockets.Add(socket);
        }

        return socket;
    }

    /// <summary>Opens a TCP socket inside the namespace and connects it to <paramref name="remote"/>.</summary>
    /// <param name="remote">Where to connect, usually <see cref="HostAddress"/> and a server's port.</param>
    /// <param name="cancellationToken">Cancels the connect; the socket is then closed.</param>
    /// <returns>The connected socket.</returns>
    public async Task<Socket> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        var socket = OpenTcpSocket();
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The namespace's own TCP socket table (its <c>/proc/net/tcp</c>), as <see cref="KernelTcpTable"/>
    /// reads the test's.
    /// </summary>
    public IReadOnlyList<KernelTcpSocket> ReadTcpTable() =>
        RunInside(() => File.ReadAllLines("/proc/thread-self/net/tcp")
            .Skip(1)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(KernelTcpTable.ParseRow)
            .ToList());

    /// <summary>
    /// Sets the namespace's end of the veth pair down. Its peers fall silent at once: nothing they
    /// send leaves, nothing sent to them arrives, and nobody sends FIN or RST — to this side a peer
    /// now looks exactly like a machine that lost power.
    /// </summary>
    public void TakeLinkDown() => IpCommand.Run("-n", Name, "link", "set", PeerInterface, "down");

    /// <summary>Sets the namespace's end of the veth pair up again after <see cref="TakeLinkDown"/>.</summary>
    public void BringLinkUp() => IpCommand.Run("-n", Name, "link", "set", PeerInterface, "up");

    /// <summary>
    /// Adds a blackhole route for <see cref="HostAddress"/> inside the namespace: what this side sends
    /// still arrives, but every reply, acknowledgements included, is dropped where it is made. To this
    /// side the peer has stopped acknowledging while the link itself stays up.
    /// </summary>
    public void BlackHole() => IpCommand.Run("-n", Name, "route", "add", "blackhole", HostAddress + "/32");

    /// <summary>Removes the blackhole route of <see cref="BlackHole"/>.</summary>
    public void EndBlackHole() => IpCommand.Run("-n", Name, "route", "del", "blackhole", HostAddress + "/32");

    /// <summary>
    /// Resets the sockets made by <see cref="OpenTcpSocket"/>, stops the namespace's thread, deletes
    /// the veth pair and the namespace. Every step is tried even when an earlier one fails.
    /// </summary>
    /// <exception cref="InvalidOperationException">The namespace or its interfaces could not be removed.</exception>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                // Linger 0: a FIN into a dead link would only leave an orphan retransmitting inside.
                try
                {
                    socket.Close(0);
                }
                catch (ObjectDisposedException)
                {
                    // The test closed it already.
                }
            }

            _sockets.Clear();
        }

        _thread.Dispose();
        var failures = new List<string>();
        // Deleting one end of a veth pair deletes both, even while sockets still keep the namespace alive.
        if (IpCommand.TryRun("link", "del", HostInterface) is { } linkFailure && !linkFailure.Contains("Cannot find device", StringComparison.Ordinal))
        {
            failures.Add(linkFailure);
        }

        if (IpCommand.TryRun("netns", "del", Name) is { } namespaceFailure)
        {
            failures.Add(namespaceFailure);
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Network namespace {Name} was not fully removed: {string.Join("; ", failures)}");
        }
    }

    /// <summary>
    /// Picks the first /30 of the range with no address on any interface here and assigns it; a lock
    /// file keeps two test processes from picking the same one at once.
    /// </summary>
    private static (IPAddress Host, IPAddress Peer) AssignSubnet(string hostInterface, string name, string peerInterface)
    {
        using var allocationLock = AcquireAllocationLock();
        var used = new HashSet<int>();
        foreach (var word in IpCommand.Run("-o", "-4", "addr", "show").Split(' ', '\n', '/'))
        {
            if (IPAddress.TryParse(word, out var address) && address.GetAddressBytes() is [var a, var b, var c, var d]
                && a == SubnetBase[0] && b == SubnetBase[1])
            {
                used.Add(((c << 8) | d) >> 2);
            }
        }

        var block = Enumerable.Range(0, SubnetCount).First(candidate => !used.Contains(candidate));
        var host = AddressOf(block, 1);
        var peer = AddressOf(block, 2);
        IpCommand.Run("addr", "add", host + "/30", "dev", hostInterface);
        IpCommand.Run("-n", name, "addr", "add", peer + "/30", "dev", peerInterface);
        return (host, peer);
    }

    private static IPAddress AddressOf(int block, int hostNumber)
    {
        var value = (block << 2) | hostNumber;
        return new IPAddress([SubnetBase[0], SubnetBase[1], (byte)(value >> 8), (byte)value]);
    }

    private static FileStream AcquireAllocationLock()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Linux.
                return new FileStream(AllocationLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static int? ProcessOfNamespace(string namespaceName)
    {
        if (!namespaceName.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var pidText = namespaceName.AsSpan(NamePrefix.Length);
        var dash = pidText.IndexOf('-');
        return dash > 0 && int.TryParse(pidText[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static int? ProcessOfInterface(string interfaceName)
    {
        if (!interfaceName.StartsWith(InterfacePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = interfaceName.AsSpan(InterfacePrefix.Length);
        var end = rest.IndexOfAny('h', 'p');
        return end > 0 && int.TryParse(rest[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid) => Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
}
