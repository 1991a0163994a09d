using ActorTcp.Actors;
using ActorTcp.Server;

namespace ActorTcp.Outbound;

/// <summary>
/// The application's side of one outbound connection: send, look, close. It stays valid across
/// reconnects — it names the logical connection to a target, not one TCP connection. Every call is
/// a message to the connection's supervisor; nothing here touches a socket.
/// </summary>
/// <example>
/// <code>
/// var upstream = clients.ConnectTo("broker.example:7000", options, new UpstreamHandler());
/// var result = await upstream.SendAsync("SUBSCRIBE prices"u8.ToArray());
/// if (result is OutboundSendResult.NotConnected) { /* not sent: retry later or report */ }
/// await upstream.CloseAsync();
/// </code>
/// </example>
public sealed class OutboundConnectionHandle
{
    /// <summary>How long a send or a snapshot waits for the supervisor's reply.</summary>
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly IActorRef _supervisor;
    private readonly OutboundStatus _status;

    internal OutboundConnectionHandle(string target, IActorRef supervisor, OutboundStatus status)
    {
        Target = target;
        _supervisor = supervisor;
        _status = status;
    }

    /// <summary>Where the connection dials, as <c>host:port</c>.</summary>
    public string Target { get; }

    /// <summary>The supervisor's state now: Connecting, Connected, Backoff, Closing or Stopped.</summary>
    public OutboundState State => _status.State;

    /// <summary>Completes once the outbound connection has stopped for good and released every socket.</summary>
    public Task<OutboundStopped> Completion => _status.Stopped;

    /// <summary>
    /// Sends one frame: on the live connection, or, while there is none, into the buffer of
    /// <c>outbound.buffer-while-disconnected</c> bytes to be sent after the next connect.
    /// </summary>
    /// <param name="payload">The frame's payload (framing is added); kept until written, so do not reuse it.</param>
    /// <param name="cancellationToken">Cancels the wait, not the send.</param>
    /// <returns>
    /// What became of the frame; <see cref="OutboundSendResult.NotConnected"/> and
    /// <see cref="OutboundSendResult.Closed"/> mean it was not sent and will not be.
    /// </returns>
    public Task<OutboundSendResult> SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        _status.Stopped.IsCompleted
            ? Task.FromResult(OutboundSendResult.Closed)
            : _supervisor.Ask<OutboundSendResult>(new OutboundProtocol.Send(payload), ReplyTimeout, cancellationToken);

    /// <summary>The connection's state, redial count, buffer and live figures.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The snapshot; once the connection has stopped, state Stopped and no figures.</returns>
    public Task<OutboundSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        _status.Stopped.IsCompleted
            ? Task.FromResult(new OutboundSnapshot(Target, OutboundState.Stopped, 0, 0, 0, 0, null))
            : _supervisor.Ask<OutboundSnapshot>(OutboundProtocol.GetSnapshot.Instance, ReplyTimeout, cancellationToken);

    /// <summary>
    /// Closes for good: a live connection closes the TIME_WAIT-aware way (or is reset with
    /// <see cref="CloseMode.Abort"/>), a dial in progress is cancelled and a back-off is cut short,
    /// with every socket released. No redial follows.
    /// </summary>
    /// <param name="mode">Graceful or abort.</param>
    /// <param name="cancellationToken">Cancels the wait, not the close.</param>
    /// <returns>How it ended, once it has.</returns>
    public Task<OutboundStopped> CloseAsync(CloseMode mode = CloseMode.Graceful, CancellationToken cancellationToken = default)
    {
        if (!_status.Stopped.IsCompleted)
        {
            _supervisor.Tell(new OutboundProtocol.Close(mode), ActorRefs.NoSender);
        }

        return _status.Stopped.WaitAsync(cancellationToken);
    }
}
