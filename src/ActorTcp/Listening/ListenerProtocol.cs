using System.Net.Sockets;

namespace ActorTcp.Listening;

/// <summary>The messages of <see cref="ConnectionListener"/>: what it tells its parent and what it tells itself.</summary>
internal static class ListenerProtocol
{
    /// <summary>Fact, to the parent: a connection was accepted; the parent now owns <paramref name="Socket"/>.</summary>
    /// <param name="Socket">The accepted socket.</param>
    public sealed record Accepted(Socket Socket);

    /// <summary>An accept call completed, with a socket or an error (told to the listener itself).</summary>
    /// <param name="Call">The completed call; a listener ignores calls that are not its current one.</param>
    public sealed record AcceptCompleted(Task<Socket> Call);

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
