using System.Net.Sockets;
using ActorTcp.Actors.Event;

namespace ActorTcp.Listening;

/// <summary>The messages of <see cref="ConnectionListener"/>: what it tells its parent and what it tells itself.</summary>
internal static class ListenerProtocol
{
    /// <summary>Fact, to the parent: a connection was accepted; the parent now owns <paramref name="Socket"/>.</summary>
    /// <param name="Socket">The accepted socket.</param>
    /// <param name="Timestamp">
    /// When the accept completed, on the actor system's <see cref="TimeProvider"/>: the connection's
    /// timers count from here, not from the later moment its actor starts.
    /// </param>
    public sealed record Accepted(Socket Socket, long Timestamp);

    /// <summary>
    /// An accept call completed, with a socket or an error (told to the listener itself). The call
    /// pending when the listener stops completes after it: that dead letter is expected (its socket,
    /// if any, is released by the stopping listener) and not logged.
    /// </summary>
    /// <param name="Call">The completed call; a listener ignores calls that are not its current one.</param>
    public sealed record AcceptCompleted(Task<Socket> Call) : IDeadLetterSuppression;

    /// <summary>The back-off after a transient failure has passed (the listener's keyed timer).</summary>
    public sealed class RetryAccept
    {
        /// <summary>The one instance.</summary>
        public static RetryAccept Instance { get; } = new();

        private RetryAccept()
        {
        }
    }

    /// <summary>The listener took its share of the backlog in one turn and goes on in the next.</summary>
    public sealed class AcceptMore
    {
        /// <summary>The one instance.</summary>
        public static AcceptMore Instance { get; } = new();

        private AcceptMore()
        {
        }
    }
}
