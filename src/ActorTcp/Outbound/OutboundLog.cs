using System.Net;
using System.Net.Sockets;
using ActorTcp.Teardown;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Outbound;

/// <summary>
/// Every log event of an outbound connection's supervisor, one event id per kind, each naming the
/// target. A refused or timed-out dial is routine while a server is down: Information, no stack trace.
/// </summary>
internal static partial class OutboundLog
{
    [LoggerMessage(EventId = 300, EventName = "OutboundConnected", Level = LogLevel.Information,
        Message = "Outbound connection to {Target} connected as connection {ConnectionId} to {RemoteEndPoint} after {Attempt} redial(s)")]
    public static partial void Connected(ILogger logger, string target, long connectionId, IPEndPoint remoteEndPoint, int attempt);

    [LoggerMessage(EventId = 301, EventName = "OutboundConnectFailed", Level = LogLevel.Information,
        Message = "Outbound connection to {Target} failed to connect on attempt {Attempt}: {SocketError}")]
    public static partial void ConnectFailed(ILogger logger, string target, int attempt, SocketError socketError);

    [LoggerMessage(EventId = 302, EventName = "OutboundDisconnected", Level = LogLevel.Information,
        Message = "Outbound connection to {Target} lost connection {ConnectionId}: {CloseReason}, first by {ClosedFirstBy}")]
    public static partial void Disconnected(ILogger logger, string target, long connectionId, CloseReason closeReason, ClosedFirstBy closedFirstBy);

    [LoggerMessage(EventId = 303, EventName = "OutboundReconnectScheduled", Level = LogLevel.Debug,
        Message = "Outbound connection to {Target} redials (attempt {Attempt}) in {Delay}")]
    public static partial void ReconnectScheduled(ILogger logger, string target, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 304, EventName = "OutboundGaveUp", Level = LogLevel.Warning,
        Message = "Outbound connection to {Target} gave up after {Attempt} failed redial(s)")]
    public static partial void GaveUp(ILogger logger, string target, int attempt);

    [LoggerMessage(EventId = 305, EventName = "OutboundStopped", Level = LogLevel.Debug,
        Message = "Outbound connection to {Target} stopped: {StopReason}")]
    public static partial void Stopped(ILogger logger, string target, OutboundStopReason stopReason);

    [LoggerMessage(EventId = 306, EventName = "OutboundFramesDiscarded", Level = LogLevel.Warning,
        Message = "Outbound connection to {Target} could not send {Frames} buffered frame(s), {Bytes} bytes: {Why}")]
    public static partial void FramesDiscarded(ILogger logger, string target, int frames, long bytes, string why);

    [LoggerMessage(EventId = 307, EventName = "OutboundObserverFailed", Level = LogLevel.Warning,
        Message = "The observer of outbound connection to {Target} threw in {Callback}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string target, string callback);
}
