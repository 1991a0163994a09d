using ActorTcp.Connections;
using ActorTcp.Draining;
using ActorTcp.Lifecycle;

namespace ActorTcp.Server;

/// <summary>
/// Every command the connection manager of one endpoint takes, with the reply each one gets. The
/// manager also takes the fact its connections tell it (<see cref="ConnectionProtocol.Ended"/>) and
/// the accepted sockets from its listener; their states it reads from <see cref="ConnectionInfo.State"/>.
/// </summary>
internal static class ConnectionManagerProtocol
{
    /// <summary>
    /// Send one frame to a connection. Reply: the connection's <see cref="EnqueueResult"/>, or a
    /// <see cref="Actors.Status.Failure"/> with a <see cref="ConnectionNotFoundException"/>.
    /// </summary>
    /// <param name="ConnectionId">The connection.</param>
    /// <param name="Payload">The frame's payload, owned by the message.</param>
    public sealed record SendTo(long ConnectionId, ReadOnlyMemory<byte> Payload);

    /// <summary>Close or abort a connection. Reply: true when the connection was open and was told, false when there is none.</summary>
    /// <param name="ConnectionId">The connection.</param>
    /// <param name="Mode">Graceful (TIME_WAIT-aware) or abort (RST).</param>
    public sealed record CloseConnection(long ConnectionId, CloseMode Mode);

    /// <summary>Send one frame to every open connection. Reply: how many connections were told.</summary>
    /// <param name="Payload">The frame's payload, shared by every connection (it must not change afterwards).</param>
    public sealed record Broadcast(ReadOnlyMemory<byte> Payload);

    /// <summary>List the open connections. Reply: an <see cref="IReadOnlyList{T}"/> of <see cref="ConnectionSnapshot"/>, ordered by id.</summary>
    /// <param name="State">Only connections in this state; null for all.</param>
    public sealed record GetConnections(LifecycleState? State);

    /// <summary>
    /// Count the open connections per state. Reply: an <see cref="IReadOnlyDictionary{TKey, TValue}"/>
    /// from every state but <see cref="LifecycleState.Closed"/> to its count.
    /// </summary>
    public sealed record GetStateCounts
    {
        /// <summary>The one instance.</summary>
        public static GetStateCounts Instance { get; } = new();

        private GetStateCounts()
        {
        }
    }

    /// <summary>
    /// Stop accepting, ask every connection to close the TIME_WAIT-aware way, and reset those still
    /// open after <paramref name="Timeout"/>. Reply, once every connection has closed: the <see cref="DrainReport"/>.
    /// A second drain gets the first one's report.
    /// </summary>
    /// <param name="Timeout">How long to wait for graceful closes before resetting the rest.</param>
    public sealed record Drain(TimeSpan Timeout);

    /// <summary>The drain deadline passed (the manager's keyed timer).</summary>
    public sealed class DrainDeadline
    {
        /// <summary>The one instance.</summary>
        public static DrainDeadline Instance { get; } = new();

        private DrainDeadline()
        {
        }
    }
}
