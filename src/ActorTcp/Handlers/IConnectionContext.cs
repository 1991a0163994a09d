using System.Buffers;
using System.Net;
using ActorTcp.Connections;
using ActorTcp.Lifecycle;

namespace ActorTcp.Handlers;

/// <summary>
/// What a handler can see and do about its connection. Only valid inside the handler's calls (the
/// connection actor's turn); to act on a connection from elsewhere, tell its manager.
/// </summary>
public interface IConnectionContext
{
    /// <summary>The connection's id, unique within its server.</summary>
    long Id { get; }

    /// <summary>The peer's address and port.</summary>
    IPEndPoint RemoteEndPoint { get; }

    /// <summary>The local address and port the peer connected to.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>The lifecycle state.</summary>
    LifecycleState State { get; }

    /// <summary>The live figures of the connection (bytes, frames, activity).</summary>
    ConnectionInfo Info { get; }

    /// <summary>True while the write queue is above its high watermark.</summary>
    bool IsWritingSuspended { get; }

    /// <summary>
    /// Queues one frame for sending, framed as the listener's framing says (a line gets its
    /// delimiter, a length-prefixed frame its prefix). Never blocks and never throws for a full
    /// queue: the result says whether the frame was queued.
    /// </summary>
    /// <param name="payload">The frame's payload; copied before the call returns.</param>
    /// <returns>
    /// <see cref="EnqueueResult.Accepted"/>; <see cref="EnqueueResult.Suspended"/> when this frame
    /// crossed the high watermark (stop producing); <see cref="EnqueueResult.Refused"/> when the
    /// frame was not queued (hard cap reached, or the connection is no longer writable).
    /// </returns>
    EnqueueResult Send(ReadOnlySpan<byte> payload);

    /// <inheritdoc cref="Send(ReadOnlySpan{byte})"/>
    EnqueueResult Send(ReadOnlySequence<byte> payload);

    /// <summary>
    /// Closes the connection the TIME_WAIT-aware way (<c>teardown</c> options): after the peer's FIN,
    /// flush and close; otherwise, with <c>prefer-peer-close</c>, send the goodbye and let the peer
    /// close first, with the configured fallback.
    /// </summary>
    void Close();

    /// <summary>Resets the connection at once (RST): unsent data is discarded and no TIME_WAIT is left.</summary>
    void Abort();
}
