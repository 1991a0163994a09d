using System.Net;
using ActorTcp.Limits;
using ActorTcp.Teardown;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Server;

/// <summary>Every log event of the connection manager, one event id per kind.</summary>
internal static partial class ConnectionManagerLog
{
    [LoggerMessage(EventId = 201, EventName = "ConnectionAccepted", Level = LogLevel.Debug,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} accepted")]
    public static partial void ConnectionAccepted(ILogger logger, long connectionId, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 202, EventName = "ConnectionRejected", Level = LogLevel.Information,
        Message = "Connection from {RemoteEndPoint} refused ({Admission}, {OpenConnections} open); answered with {OverLimit}; {RefusedSinceLastLine} more refused since the last such line")]
    public static partial void ConnectionRejected(
        ILogger logger, IPEndPoint remoteEndPoint, Admission admission, int openConnections, OverLimitAction overLimit, long refusedSinceLastLine);

    [LoggerMessage(EventId = 203, EventName = "ConnectionEnded", Level = LogLevel.Debug,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: {CloseReason}, first by {ClosedFirstBy}")]
    public static partial void ConnectionEnded(
        ILogger logger, long connectionId, IPEndPoint remoteEndPoint, CloseReason closeReason, ClosedFirstBy closedFirstBy);

    [LoggerMessage(EventId = 204, EventName = "ConnectionStoppedWithoutClose", Level = LogLevel.Warning,
        Message = "Connection {ConnectionId} from {RemoteEndPoint} stopped without a close notice; its socket was released by the actor's stop")]
    public static partial void ConnectionStoppedWithoutClose(ILogger logger, long connectionId, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 205, EventName = "ConnectionStartFailed", Level = LogLevel.Error,
        Message = "Connection from {RemoteEndPoint} could not be started; it was reset")]
    public static partial void ConnectionStartFailed(ILogger logger, Exception exception, IPEndPoint remoteEndPoint);

    [LoggerMessage(EventId = 206, EventName = "ListenerGone", Level = LogLevel.Error,
        Message = "The listener on {EndPoint} stopped and could not be restarted; no new connections are accepted")]
    public static partial void ListenerGone(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = 207, EventName = "DrainStarted", Level = LogLevel.Information,
        Message = "Draining {EndPoint}: {OpenConnections} connections asked to close, deadline {DrainTimeout}")]
    public static partial void DrainStarted(ILogger logger, IPEndPoint endPoint, int openConnections, TimeSpan drainTimeout);

    [LoggerMessage(EventId = 208, EventName = "DrainDeadlinePassed", Level = LogLevel.Warning,
        Message = "Drain deadline passed on {EndPoint}: resetting {OpenConnections} connections")]
    public static partial void DrainDeadlinePassed(ILogger logger, IPEndPoint endPoint, int openConnections);

    [LoggerMessage(EventId = 209, EventName = "Drained", Level = LogLevel.Information,
        Message = "Drained {EndPoint} in {Elapsed}: {PeerClosedFirst} closed by the peer first, {LocalClosedFirst} by our FIN, {Reset} by RST ({AbortedAtDeadline} at the deadline)")]
    public static partial void Drained(
        ILogger logger, IPEndPoint endPoint, TimeSpan elapsed, int peerClosedFirst, int localClosedFirst, int reset, int abortedAtDeadline);
}
