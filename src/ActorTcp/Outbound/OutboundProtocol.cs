using System.Net.Sockets;
using ActorTcp.Server;

namespace ActorTcp.Outbound;

/// <summary>
/// Every message an <see cref="OutboundConnection"/> takes: commands from its handle, and the
/// signals it sends itself (a dial's completion, its two timers). It also takes the facts of its
/// connection actor (<see cref="Connections.ConnectionProtocol"/>) and that actor's replies to sends.
/// </summary>
internal static class OutboundProtocol
{
    /// <summary>Send one frame. Reply: the boxed <see cref="OutboundSendResult"/>.</summary>
    /// <param name="Payload">The frame's payload, owned by the message.</param>
    public sealed record Send(ReadOnlyMemory<byte> Payload);

    /// <summary>Close for good: the live connection the TIME_WAIT-aware way or by reset, a dial or back-off at once. No reply; the handle's completion says when it is done.</summary>
    /// <param name="Mode">Graceful or abort.</param>
    public sealed record Close(CloseMode Mode);

    /// <summary>Reply: an <see cref="OutboundSnapshot"/>.</summary>
    public sealed class GetSnapshot
    {
        /// <summary>The one instance.</summary>
        public static readonly GetSnapshot Instance = new();

        private GetSnapshot()
        {
        }
    }

    /// <summary>A dial completed (connected, failed or cancelled).</summary>
    /// <param name="Call">The dial; compared with the one in progress, so a stale completion is recognised.</param>
    public sealed record Dialed(Task<Socket> Call);

    /// <summary>The dial in progress took longer than <c>outbound.connect-timeout</c>.</summary>
    public sealed class ConnectTimedOut
    {
        /// <summary>The one instance.</summary>
        public static readonly ConnectTimedOut Instance = new();

        private ConnectTimedOut()
        {
        }
    }

    /// <summary>The back-off delay passed: dial again.</summary>
    public sealed class Redial
    {
        /// <summary>The one instance.</summary>
        public static readonly Redial Instance = new();

        private Redial()
        {
        }
    }
}
