using System.Net;
using System.Net.Sockets;
using ActorTcp.Teardown;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Connections;

/// <summary>
/// Every log event of a connection, one event id per kind. Each names the connection and its peer;
/// normal closes are Debug, abnormal ones Information or Warning, and a peer that simply went away
/// never gets a stack trace.
/// </summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 100, EventName = "ConnectionOpened", Level = LogLevel.Debug,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} opened")]
    public static partial void Opened(ILogger logger, long connectionId, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 101, EventName = "ConnectionClosed", Level = LogLevel.Debug,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: {CloseReason}, first by {ClosedFirstBy}")]
    public static partial void Closed(ILogger logger, long connectionId, IPEndPoint remoteEndPoint, CloseReason closeReason, ClosedFirstBy closedFirstBy);

    [LoggerMessage(EventId = 102, EventName = "ConnectionClosedAbnormally", Level = LogLevel.Information,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: {CloseReason}, first by {ClosedFirstBy}")]
    public static partial void ClosedAbnormally(ILogger logger, long connectionId, IPEndPoint remoteEndPoint, CloseReason closeReason, ClosedFirstBy closedFirstBy);

    [LoggerMessage(EventId = 103, EventName = "HandlerFailed", Level = LogLevel.Warning,
        Message = "Handler of connection {ConnectionId} from {RemoteEndPoint} threw; closing the connection")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long connectionId, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 104, EventName = "SocketFailed", Level = LogLevel.Information,
        Message = "Socket of connection {ConnectionId} from {RemoteEndPoint} failed with {SocketError}")]
    public static partial void SocketFailed(ILogger logger, long connectionId, IPEndPoint remoteEndPoint, SocketError socketError);

    [LoggerMessage(EventId = 105, EventName = "SocketOptionsFailed", Level = LogLevel.Warning,
        Message = "Socket options of connection {ConnectionId} from {RemoteEndPoint} could not be applied")]
    public static partial void SocketOptionsFailed(ILogger logger, Exception exception, long connectionId, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 106, EventName = "ProtocolViolated", Level = LogLevel.Information,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} broke the framing ({Violation})")]
    public static partial void ProtocolViolated(ILogger logger, long connectionId, IPEndPoint remoteEndPoint, string violation);

    [LoggerMessage(EventId = 107, EventName = "StoppedWhileOpen", Level = LogLevel.Information,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} was stopped from outside while {State}; the socket is reset")]
    public static partial void StoppedWhileOpen(ILogger logger, long connectionId, IPEndPoint remoteEndPoint, Lifecycle.LifecycleState state);
}
