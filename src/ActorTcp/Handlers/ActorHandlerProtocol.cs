using System.Net;
using ActorTcp.Actors;
using ActorTcp.Teardown;

namespace ActorTcp.Handlers;

/// <summary>
/// The whole protocol between a connection and an actor handler (<see cref="ActorConnectionHandler"/>),
/// in the style of Akka.IO's <c>Tcp</c>: facts the handler actor receives, commands it sends back to
/// the connection (its parent, and the sender of every fact).
/// </summary>
/// <example>
/// An echo handler actor:
/// <code>
/// public sealed class EchoActor : ReceiveActor
/// {
///     public EchoActor()
///     {
///         Receive&lt;ActorHandlerProtocol.Received&gt;(r =&gt; Sender.Tell(new ActorHandlerProtocol.Write(r.Data)));
///         Receive&lt;ActorHandlerProtocol.PeerClosed&gt;(_ =&gt; Sender.Tell(ActorHandlerProtocol.Close.Instance));
///         ReceiveAny(_ =&gt; { });
///     }
/// }
/// </code>
/// </example>
public static class ActorHandlerProtocol
{
    /// <summary>Fact: the connection is established; the first message the handler actor receives.</summary>
    /// <param name="Connection">The connection actor, which takes <see cref="Write"/>, <see cref="Close"/> and <see cref="Abort"/>.</param>
    /// <param name="ConnectionId">The connection's id.</param>
    /// <param name="RemoteEndPoint">The peer's address and port.</param>
    /// <param name="LocalEndPoint">The local address and port.</param>
    public sealed record Connected(IActorRef Connection, long ConnectionId, IPEndPoint RemoteEndPoint, IPEndPoint LocalEndPoint);

    /// <summary>Fact: one frame arrived. <paramref name="Data"/> is a copy the handler actor owns.</summary>
    /// <param name="Data">The frame's payload, without delimiter or length prefix.</param>
    public sealed record Received(ReadOnlyMemory<byte> Data);

    /// <summary>Fact: the peer sent FIN; the handler actor may still write, then should <see cref="Close"/>.</summary>
    public sealed record PeerClosed
    {
        private PeerClosed()
        {
        }

        /// <summary>The one instance.</summary>
        public static PeerClosed Instance { get; } = new();
    }

    /// <summary>Fact: the write queue crossed its high watermark; stop writing until <see cref="WritingResumed"/>.</summary>
    public sealed record WritingSuspended
    {
        private WritingSuspended()
        {
        }

        /// <summary>The one instance.</summary>
        public static WritingSuspended Instance { get; } = new();
    }

    /// <summary>Fact: the write queue drained to its low watermark.</summary>
    public sealed record WritingResumed
    {
        private WritingResumed()
        {
        }

        /// <summary>The one instance.</summary>
        public static WritingResumed Instance { get; } = new();
    }

    /// <summary>Fact: the connection is closed; the handler actor is stopped right after this message.</summary>
    /// <param name="Reason">Why it closed and which side closed first.</param>
    public sealed record Closed(ConnectionClosed Reason);

    /// <summary>Fact: a <see cref="Write"/> was not queued (the queue is at its hard cap, or writing is over).</summary>
    /// <param name="Command">The refused write.</param>
    public sealed record WriteRefused(Write Command);

    /// <summary>Command: send one frame (the connection adds the framing).</summary>
    /// <param name="Payload">The frame's payload, owned by the message.</param>
    public sealed record Write(ReadOnlyMemory<byte> Payload);

    /// <summary>Command: close the TIME_WAIT-aware way (see <see cref="IConnectionContext.Close"/>).</summary>
    public sealed record Close
    {
        private Close()
        {
        }

        /// <summary>The one instance.</summary>
        public static Close Instance { get; } = new();
    }

    /// <summary>Command: reset the connection at once (RST).</summary>
    public sealed record Abort
    {
        private Abort()
        {
        }

        /// <summary>The one instance.</summary>
        public static Abort Instance { get; } = new();
    }
}
