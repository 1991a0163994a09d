using System.Net;
using System.Net.Sockets;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class ResetTests
{
    private const int Peers = 100;

    [Fact]
    public async Task HundredPeersResetMidStream_EachEndsAsPeerResetWithoutErrorLogsOrDescriptorLeaks()
    {
        // Scenario: 100 peers each mid-stream: one line echoed, then half a line sent.
        await using var server = await FaultServer.StartAsync();
        var descriptorsBefore = OpenFileDescriptors.Count();
        var clients = new List<Socket>();
        var clientPorts = new HashSet<int>();
        for (var i = 0; i < Peers; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(IPAddress.Loopback, server.Port);
            await client.SendAsync("hello\n"u8.ToArray());
            clients.Add(client);
            clientPorts.Add(((IPEndPoint)client.LocalEndPoint!).Port);
        }

        var echo = new byte[6];
        foreach (var client in clients)
        {
            Assert.Equal(6, await client.ReceiveAsync(echo));
            await client.SendAsync("half a li"u8.ToArray());
        }

        // Fault: every peer closes with linger 0, which sends RST instead of FIN.
        foreach (var client in clients)
        {
            client.LingerState = new LingerOption(true, 0);
            client.Close();
        }

        // Each connection ends as reset by the peer, and nothing is logged at Error.
        await Eventually.TrueAsync(() => server.Record.Closed.Count == Peers, "every connection is closed", Eventually.ProcessTimeout);
        Assert.All(server.Record.Closed, closed => Assert.Equal(new ConnectionClosed(CloseReason.PeerReset, ClosedFirstBy.Reset), closed.Closed));
        Assert.Empty(server.Logs.Errors);

        // Kernel fact: the process's descriptor count is back where it was, and /proc/net/tcp holds
        // no socket at all between the server port and those peers.
        await Eventually.TrueAsync(() => OpenFileDescriptors.Count() == descriptorsBefore, "every socket's descriptor is released", Eventually.ProcessTimeout);
        Assert.DoesNotContain(KernelTcpTable.ReadAll(), s => s.LocalEndPoint.Port == server.Port && clientPorts.Contains(s.RemoteEndPoint.Port));
    }
}
