using ActorTcp.Teardown;

namespace ActorTcp.Handlers;

/// <summary>
/// The application's protocol for one connection. A server creates a new handler per accepted
/// connection; an outbound connection keeps the one handler it was given across its reconnects, one
/// connection after another (<see cref="OnConnected"/> starts each). Every method runs inside the
/// connection actor's turn: one call at a time, never concurrently, so a handler needs no locks. Methods must not block; a handler that throws closes only its own
/// connection (<see cref="CloseReason.HandlerFailed"/>).
/// </summary>
/// <example>
/// An echo protocol:
/// <code>
/// public sealed class Echo : IConnectionHandler
/// {
///     public void OnConnected(IConnectionContext connection) { }
///     public void OnFrame(IConnectionContext connection, ReadOnlySequence&lt;byte&gt; frame) => connection.Send(frame);
///     public void OnPeerClosed(IConnectionContext connection) => connection.Close();
///     public void OnWritingSuspended(IConnectionContext connection) { }
///     public void OnWritingResumed(IConnectionContext connection) { }
///     public void OnClosed(IConnectionContext connection, ConnectionClosed closed) { }
/// }
/// </code>
/// </example>
public interface IConnectionHandler
{
    /// <summary>The connection is established and ready; the first frame has not been read yet.</summary>
    /// <param name="connection">The connection, valid until <see cref="OnClosed"/> returns.</param>
    void OnConnected(IConnectionContext connection);

    /// <summary>
    /// One complete frame arrived. <paramref name="frame"/> is only valid during this call (its memory
    /// is pooled and reused); copy what must outlive it. The next read is armed after this returns,
    /// so a slow handler slows the peer down through TCP instead of buffering without bound.
    /// Heartbeat pings and pongs are answered by the connection and never reach the handler.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="frame">The frame's payload, without delimiter or length prefix.</param>
    void OnFrame(IConnectionContext connection, System.Buffers.ReadOnlySequence<byte> frame);

    /// <summary>
    /// The peer sent FIN (the kernel holds the socket in CLOSE_WAIT). The handler may still send; the
    /// connection closes once the handler calls <see cref="IConnectionContext.Close"/> and the writes
    /// are flushed, or when <c>teardown.close-wait-timeout</c> passes — whichever comes first.
    /// </summary>
    /// <param name="connection">The connection.</param>
    void OnPeerClosed(IConnectionContext connection);

    /// <summary>The write queue crossed its high watermark: stop producing until <see cref="OnWritingResumed"/>.</summary>
    /// <param name="connection">The connection.</param>
    void OnWritingSuspended(IConnectionContext connection);

    /// <summary>The write queue drained to its low watermark: sending may go on.</summary>
    /// <param name="connection">The connection.</param>
    void OnWritingResumed(IConnectionContext connection);

    /// <summary>The connection is closed and its socket released; called exactly once, whatever ended it.</summary>
    /// <param name="connection">The connection, for its final figures; sending is no longer possible.</param>
    /// <param name="closed">Why it closed and which side closed first (who holds TIME_WAIT).</param>
    void OnClosed(IConnectionContext connection, ConnectionClosed closed);
}
