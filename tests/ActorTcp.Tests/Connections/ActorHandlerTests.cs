using System.Text;
using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Teardown;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

public sealed class ActorHandlerTests
{
    [Fact]
    public async Task ActorHandler_EchoesThroughItsChildActor_AndSeesClosed()
    {
        await using var harness = ConnectionHarness.Create();
        var closed = new TaskCompletionSource<ConnectionClosed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ActorConnectionHandler(Props.Create(() => new EchoActor(closed)));
        var (client, server) = await harness.ConnectAsync(handler);
        using var _ = client;

        await client.SendLineAsync("hello");
        await client.SendLineAsync("actor");
        Assert.Equal("hello", await client.ReadLineAsync());
        Assert.Equal("actor", await client.ReadLineAsync());
        client.HalfClose();

        Assert.Null(await client.ReadLineAsync());
        var expected = new ConnectionClosed(CloseReason.PeerClosed, ClosedFirstBy.Peer);
        Assert.Equal(expected, (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(expected, await closed.Task.WaitAsync(TestClient.DefaultTimeout));
    }

    [Fact]
    public async Task ActorHandlerThatThrows_ClosesItsConnectionWithHandlerFailed()
    {
        await using var harness = ConnectionHarness.Create();
        var closed = new TaskCompletionSource<ConnectionClosed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ActorConnectionHandler(Props.Create(() => new EchoActor(closed)));
        var (client, server) = await harness.ConnectAsync(handler);

        await client.SendLineAsync("boom");
        Assert.Null(await client.ReadLineAsync());
        client.Dispose();

        Assert.Equal(new ConnectionClosed(CloseReason.HandlerFailed, ClosedFirstBy.Local), (await server.ExpectEndedAsync()).Closed);
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor(TaskCompletionSource<ConnectionClosed> closed)
        {
            Receive<ActorHandlerProtocol.Connected>(_ => { });
            Receive<ActorHandlerProtocol.Received>(received =>
            {
                if (Encoding.UTF8.GetString(received.Data.Span) == "boom")
                {
                    throw new InvalidOperationException("handler actor bug");
                }

                Sender.Tell(new ActorHandlerProtocol.Write(received.Data));
            });
            Receive<ActorHandlerProtocol.PeerClosed>(_ => Sender.Tell(ActorHandlerProtocol.Close.Instance));
            Receive<ActorHandlerProtocol.Closed>(message => closed.TrySetResult(message.Reason));
        }
    }
}
