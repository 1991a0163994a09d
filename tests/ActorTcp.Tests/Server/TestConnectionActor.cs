using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Connections;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Server;

/// <summary>
/// A stand-in connection actor that keeps the connection actor's contract with its manager: it owns
/// its socket, echoes what it reads, obeys Send/Close/Abort, publishes its state in its
/// <see cref="ConnectionInfo"/> and tells exactly one Ended before it stops. Close sends the goodbye line <c>BYE</c> and waits for the peer's FIN, so a
/// peer that answers by closing closes first. Reading <c>boom</c> makes it throw, so the manager's
/// supervision can be tested.
/// </summary>
internal sealed class TestConnectionActor : ReceiveActor
{
    public static readonly byte[] Goodbye = "BYE\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly ConnectionInfo _info;
    private readonly byte[] _buffer = new byte[4096];
    private CloseReason _closeReason = CloseReason.PeerClosed;
    private bool _ended;

    private TestConnectionActor(Socket socket, ConnectionInfo info)
    {
        _socket = socket;
        _info = info;
        Receive<Received>(OnReceived);
        Receive<ConnectionProtocol.Send>(send =>
        {
            _socket.Send(send.Payload.Span, SocketFlags.None);
            Sender.Tell(EnqueueResult.Accepted);
        });
        Receive<ConnectionProtocol.Close>(close =>
        {
            _closeReason = close.Reason;
            _socket.Send(Goodbye, SocketFlags.None);
            _info.State = LifecycleState.CloseRequested;
        });
        Receive<ConnectionProtocol.Abort>(_ =>
        {
            _socket.LingerState = new LingerOption(true, 0);
            End(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset));
        });
    }

    public static Props Props(Socket socket, ConnectionInfo info) =>
        Actors.Props.Create(() => new TestConnectionActor(socket, info));

    protected override void PreStart() => ReceiveNext();

    protected override void PostStop() => _socket.Dispose();

    private void ReceiveNext()
    {
        var self = Self;
        _socket.ReceiveAsync(_buffer, SocketFlags.None).ContinueWith(
            static (done, state) => ((IActorRef)state!).Tell(
                new Received(done.IsCompletedSuccessfully ? done.Result : -1), ActorRefs.NoSender),
            self,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnReceived(Received received)
    {
        if (_ended)
        {
            return;
        }

        if (received.Count < 0)
        {
            End(new ConnectionClosed(CloseReason.PeerReset, ClosedFirstBy.Reset));
            return;
        }

        if (received.Count == 0)
        {
            // The peer's FIN: closing now leaves no TIME_WAIT on this side.
            End(new ConnectionClosed(_closeReason, ClosedFirstBy.Peer));
            return;
        }

        var data = _buffer.AsSpan(0, received.Count);
        _info.AddBytesIn(received.Count, DateTimeOffset.UtcNow);
        if (data.IndexOf("boom"u8) >= 0)
        {
            throw new InvalidOperationException("The test connection was told to fail.");
        }

        _socket.Send(data, SocketFlags.None);
        _info.AddBytesOut(received.Count, DateTimeOffset.UtcNow);
        ReceiveNext();
    }


    private void End(ConnectionClosed closed)
    {
        _ended = true;
        _socket.Dispose();
        _info.State = LifecycleState.Closed;
        Context.Parent.Tell(new ConnectionProtocol.Ended(_info.Id, closed, _info.ToSnapshot()));
        Context.Stop(Self);
    }

    private sealed record Received(int Count);
}
