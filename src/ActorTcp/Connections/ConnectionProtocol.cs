using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>
/// Every message a connection actor takes and tells, in one place: commands it obeys (from its
/// manager, or from user code through the manager), the fact it tells its parent, the manager, and
/// the facts it tells whoever subscribed to its state changes.
/// </summary>
public static class ConnectionProtocol
{
    /// <summary>
    /// Command: send one frame. The connection answers the sender (when there is one) with the
    /// <see cref="EnqueueResult"/>, so a caller learns whether the frame was queued; nothing is
    /// dropped silently.
    /// </summary>
    /// <param name="Payload">The frame's payload, owned by the message (the sender must not reuse it).</param>
    public sealed record Send(ReadOnlyMemory<byte> Payload);

    /// <summary>
    /// Command: close the TIME_WAIT-aware way (goodbye and peer-first close when configured, FIN
    /// fallback), recording <paramref name="Reason"/>.
    /// </summary>
    /// <param name="Reason">Why: <see cref="CloseReason.LocalClose"/>, <see cref="CloseReason.Drain"/>, ...</param>
    public sealed record Close(CloseReason Reason);

    /// <summary>Command: reset at once (RST), recording <see cref="CloseReason.Aborted"/>.</summary>
    public sealed record Abort
    {
        /// <summary>The one instance.</summary>
        public static Abort Instance { get; } = new();

        private Abort()
        {
        }
    }

    /// <summary>
    /// Command: tell the sender <see cref="StateChanged"/> with the current state now, and again on
    /// every later state change before Closed; a later subscription replaces the earlier one. Nobody
    /// is told by default: the manager reads the state from <see cref="ConnectionInfo.State"/>, so a
    /// connection costs it no message per state change.
    /// </summary>
    public sealed record SubscribeStateChanges
    {
        /// <summary>The one instance.</summary>
        public static SubscribeStateChanges Instance { get; } = new();

        private SubscribeStateChanges()
        {
        }
    }

    /// <summary>Fact, to the subscriber (<see cref="SubscribeStateChanges"/>): the connection is in <paramref name="State"/>.</summary>
    /// <param name="ConnectionId">The connection.</param>
    /// <param name="State">Its new lifecycle state.</param>
    public sealed record StateChanged(long ConnectionId, LifecycleState State);

    /// <summary>
    /// Fact, to the parent: the connection is closed and its socket released. Told exactly once per
    /// connection, whatever ended it, just before the actor stops.
    /// </summary>
    /// <param name="ConnectionId">The connection.</param>
    /// <param name="Closed">Why it closed and which side closed first.</param>
    /// <param name="Final">The connection's final figures.</param>
    public sealed record Ended(long ConnectionId, ConnectionClosed Closed, ConnectionSnapshot Final);
}
