using System.Net;
using System.Net.Sockets;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class SlowlorisTests
{
    private const int Dribblers = 500;
    private const int GoodClients = 10;
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DribblePause = TimeSpan.FromSeconds(1);

    /// <summary>The frame timer's check, widened for a busy two-core machine.</summary>
    private static readonly TimeSpan TickMargin = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task FiveHundredClientsDribblingAFrameThatNeverEnds_AreClosedByFrameTimeoutWhileGoodClientsEcho()
    {
        // Scenario: 500 slowloris clients and 10 well-behaved ones on one server.
        await using var server = await FaultServer.StartAsync(o => o.Framing.FrameTimeout = FrameTimeout);
        var dribblers = new List<Socket>();
        var good = new List<Socket>();
        try
        {
            for (var i = 0; i < Dribblers; i++)
            {
                dribblers.Add(await Connect(server.Port));
            }

            for (var i = 0; i < GoodClients; i++)
            {
                good.Add(await Connect(server.Port));
            }

            var dribblerPorts = dribblers.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToHashSet();

            // Fault: each slowloris client sends one byte a second of a line that never ends, while
            // the good clients send whole lines and expect them back.
            var startedAt = server.Record.Clock.Elapsed;
            var rounds = 0;
            while (server.Record.Closed.Count < Dribblers && server.Record.Clock.Elapsed - startedAt < FrameTimeout + TimeSpan.FromSeconds(30))
            {
                foreach (var dribbler in dribblers)
                {
                    Dribble(dribbler);
                }

                foreach (var client in good)
                {
                    await EchoAsync(client, $"round {rounds}");
                }

                rounds++;
                await Task.Delay(DribblePause);
            }

            // Every slowloris connection is ended by the frame timeout as a protocol error, in time...
            Assert.Equal(Dribblers, server.Record.Closed.Count);
            Assert.All(server.Record.Closed, closed =>
            {
                Assert.Contains(closed.RemoteEndPoint.Port, dribblerPorts);
                Assert.Equal(CloseReason.ProtocolError, closed.Closed.Reason);
                Assert.InRange(closed.At - startedAt, FrameTimeout, FrameTimeout + TickMargin);
            });

            // ...while the good clients are still open and still echo.
            foreach (var client in good)
            {
                await EchoAsync(client, "after");
            }

            var open = await server.Server.GetConnectionsAsync(LifecycleState.Established);
            Assert.Equal(GoodClients, open.Count);

            // Kernel fact: no socket on the server port is held for a slowloris client.
            Assert.Empty(Kernel.HeldServerSockets(server.Port, remote => dribblerPorts.Contains(remote.Port)));
        }
        finally
        {
            dribblers.ForEach(s => s.Dispose());
            good.ForEach(s => s.Dispose());
        }
    }

    private static async Task<Socket> Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private static void Dribble(Socket socket)
    {
        try
        {
            socket.Send("x"u8);
        }
        catch (SocketException)
        {
            // Reset by the server: this client's part is over.
        }
    }

    private static async Task EchoAsync(Socket client, string line)
    {
        var sent = System.Text.Encoding.ASCII.GetBytes(line + "\n");
        await client.SendAsync(sent);
        var reply = new byte[sent.Length];
        var received = 0;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received < reply.Length)
        {
            var read = await client.ReceiveAsync(reply.AsMemory(received), SocketFlags.None, patience.Token);
            Assert.NotEqual(0, read);
            received += read;
        }

        Assert.Equal(sent, reply);
    }
}
