using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Listening;

/// <summary>Every log event of the listener, one event id per kind.</summary>
internal static partial class ListenerLog
{
    [LoggerMessage(EventId = 101, EventName = "Listening", Level = LogLevel.Information,
        Message = "Listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = 102, EventName = "AcceptRetrying", Level = LogLevel.Warning,
        Message = "Accept on {EndPoint} failed with {SocketError} ({FailureCount} failures in a row, {NotLogged} not logged since the last line); retrying in {RetryDelay}")]
    public static partial void AcceptRetrying(
        ILogger logger, IPEndPoint endPoint, SocketError socketError, long failureCount, long notLogged, TimeSpan retryDelay);

    [LoggerMessage(EventId = 103, EventName = "StoppedListening", Level = LogLevel.Information,
        Message = "Stopped listening on {EndPoint}")]
    public static partial void StoppedListening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = 105, EventName = "AcceptRetryScheduled", Level = LogLevel.Debug,
        Message = "Accept on {EndPoint} failed with {SocketError}; next attempt in {RetryDelay}")]
    public static partial void AcceptRetryScheduled(ILogger logger, IPEndPoint endPoint, SocketError socketError, TimeSpan retryDelay);

    [LoggerMessage(EventId = 104, EventName = "AcceptRecovered", Level = LogLevel.Information,
        Message = "Accept on {EndPoint} works again after {FailureCount} failures")]
    public static partial void AcceptRecovered(ILogger logger, IPEndPoint endPoint, long failureCount);
}
