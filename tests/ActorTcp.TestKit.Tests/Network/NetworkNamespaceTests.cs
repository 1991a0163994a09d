using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorTcp.TestKit.Network;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.TestKit.Tests.Network;

public sealed class NetworkNamespaceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PeerInside_ReachesTheHostAddressFromItsOwnAddress()
    {
        // Scenario: a listener on this side's veth address.
        using var peers = NetworkNamespace.Create();
        using var listener = Listen(peers.HostAddress);

        // Act: a socket opened inside connects to it.
        using var peer = await peers.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        // Kernel fact: this side sees the peer's namespace address; the namespace's own table holds the
        // client end, and this side's table does not.
        Assert.Equal(peers.PeerAddress, ((IPEndPoint)accepted.RemoteEndPoint!).Address);
        var clientPort = ((IPEndPoint)peer.LocalEndPoint!).Port;
        Assert.Contains(peers.ReadTcpTable(), socket => socket.LocalEndPoint.Port == clientPort && socket.State == KernelTcpState.Established);
        Assert.DoesNotContain(KernelTcpTable.ReadAll(), socket => socket.LocalEndPoint.Port == clientPort && socket.LocalEndPoint.Address.Equals(peers.PeerAddress));
    }

    [Fact]
    public async Task ListenerInside_AcceptsAClientFromThisSide()
    {
        // Scenario: a server inside the namespace, as a peer that this side dials.
        using var peers = NetworkNamespace.Create();
        using var listener = peers.OpenTcpSocket();
        listener.Bind(new IPEndPoint(peers.PeerAddress, 0));
        listener.Listen();

        // Act: a client on this side connects to it.
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        // Kernel fact: the accepted socket lives in the namespace's table, the client in this side's.
        var clientPort = ((IPEndPoint)client.LocalEndPoint!).Port;
        Assert.Equal(peers.HostAddress, ((IPEndPoint)accepted.RemoteEndPoint!).Address);
        Assert.Contains(peers.ReadTcpTable(), socket => socket.RemoteEndPoint.Port == clientPort && socket.State == KernelTcpState.Established);
        Assert.Contains(KernelTcpTable.ReadAll(), socket => socket.LocalEndPoint.Port == clientPort && socket.State == KernelTcpState.Established);
    }

    [Fact]
    public async Task PeerInside_DoesNotSeeThisSidesLoopback()
    {
        // Scenario: a listener on this side's loopback only.
        using var peers = NetworkNamespace.Create();
        using var listener = Listen(IPAddress.Loopback);

        // Act + kernel fact: the namespace has a loopback of its own, where nothing listens on that port.
        var refused = await Assert.ThrowsAsync<SocketException>(() => peers.ConnectAsync((IPEndPoint)listener.LocalEndPoint!));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public void OpenTcpSocket_LeavesEveryOtherThreadInTheTestsNamespace()
    {
        using var peers = NetworkNamespace.Create();

        using var socket = peers.OpenTcpSocket();

        // Kernel fact: exactly one thread of this process (the namespace's own) is in another namespace.
        var ours = NamespaceOf("/proc/self/ns/net");
        var elsewhere = Directory.GetDirectories("/proc/self/task")
            .Select(task => NamespaceOf(Path.Combine(task, "ns/net")))
            .Count(link => link is not null && link != ours);
        Assert.Equal(1, elsewhere);
    }

    [Fact]
    public async Task TakeLinkDown_LeavesDataUnacknowledgedUntilTheLinkIsUp()
    {
        // Scenario: a connected pair across the veth pair.
        using var peers = NetworkNamespace.Create();
        using var listener = Listen(peers.HostAddress);
        using var peer = await peers.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        // Fault: the link goes down, then this side writes.
        peers.TakeLinkDown();
        await accepted.SendAsync(new byte[1000]);

        // Kernel fact: the bytes stay in this side's send queue (tx_queue), unacknowledged...
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1000, SendQueueOf(accepted));

        // ...until the link is back and a retransmission gets through.
        peers.BringLinkUp();
        await WaitUntil(() => SendQueueOf(accepted) == 0);
        var received = new byte[1000];
        Assert.Equal(1000, await peer.ReceiveAsync(received));
    }

    [Fact]
    public async Task BlackHole_DeliversDataButNoAcknowledgementUntilEnded()
    {
        // Scenario: a connected pair across the veth pair.
        using var peers = NetworkNamespace.Create();
        using var listener = Listen(peers.HostAddress);
        using var peer = await peers.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        // Fault: replies from the namespace vanish, then this side writes.
        peers.BlackHole();
        await accepted.SendAsync(new byte[1000]);

        // Kernel fact: the bytes reach the peer's receive queue but this side's stay unacknowledged...
        var peerPort = ((IPEndPoint)peer.LocalEndPoint!).Port;
        await WaitUntil(() => peers.ReadTcpTable().Any(socket => socket.LocalEndPoint.Port == peerPort && socket.ReceiveQueueBytes == 1000));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1000, SendQueueOf(accepted));

        // ...until the blackhole route is gone.
        peers.EndBlackHole();
        await WaitUntil(() => SendQueueOf(accepted) == 0);
    }

    [Fact]
    public void Create_GivesEachInstanceItsOwnSubnetAndNames()
    {
        using var first = NetworkNamespace.Create();
        using var second = NetworkNamespace.Create();

        Assert.NotEqual(first.Name, second.Name);
        Assert.NotEqual(first.HostInterface, second.HostInterface);
        Assert.NotEqual(SubnetOf(first.HostAddress), SubnetOf(second.HostAddress));
        Assert.Equal(SubnetOf(first.HostAddress), SubnetOf(first.PeerAddress));
        Assert.StartsWith(NetworkNamespace.NamePrefix, first.Name, StringComparison.Ordinal);
        Assert.True(first.HostInterface.Length <= 15, "Linux interface names have at most 15 characters.");
    }

    [Fact]
    public async Task Dispose_RemovesTheNamespaceAndBothInterfacesEvenWithSocketsOpen()
    {
        // Scenario: a namespace with a connection the test never closes.
        var peers = NetworkNamespace.Create();
        using var listener = Listen(peers.HostAddress);
        await peers.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);

        peers.Dispose();

        // Kernel fact: neither the namespace nor this side's interface nor its address remain.
        Assert.DoesNotContain(peers.Name, RunIp("netns", "list"), StringComparison.Ordinal);
        Assert.DoesNotContain(peers.HostInterface + "@", RunIp("-o", "link", "show"), StringComparison.Ordinal);
        Assert.DoesNotContain(peers.HostAddress + "/30", RunIp("-o", "-4", "addr", "show"), StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveStale_DeletesOnlyWhatProcessesNoLongerRunningLeft()
    {
        // Scenario: a namespace named for a process that has exited, and one for this process.
        var deadPid = ExitedProcessId();
        var stale = string.Create(CultureInfo.InvariantCulture, $"{NetworkNamespace.NamePrefix}{deadPid}-1");
        RunIp("netns", "add", stale);
        using var live = NetworkNamespace.Create();

        NetworkNamespace.RemoveStale();

        // Kernel fact: the stale one is gone, the live one is still there.
        var remaining = RunIp("netns", "list");
        Assert.DoesNotContain(stale + " ", remaining + " ", StringComparison.Ordinal);
        Assert.Contains(live.Name, remaining, StringComparison.Ordinal);
    }

    private static Socket Listen(IPAddress address)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen();
        return listener;
    }

    private static long SendQueueOf(Socket socket)
    {
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        return KernelTcpTable.ReadAll()
            .First(row => row.LocalEndPoint.Equals(local) && row.RemoteEndPoint.Equals(remote))
            .SendQueueBytes;
    }

    private static string SubnetOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        bytes[3] &= 0xFC;
        return new IPAddress(bytes).ToString();
    }

    private static string? NamespaceOf(string link)
    {
        try
        {
            return File.ResolveLinkTarget(link, returnFinalTarget: false)?.Name;
        }
        catch (IOException)
        {
            // The thread ended while we looked.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static string RunIp(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Retransmissions back off (200 ms, 400 ms, ...): allow the busy machine seconds.
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"The kernel state was not reached within {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }
}
