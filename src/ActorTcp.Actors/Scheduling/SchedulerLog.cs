using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Scheduling;

/// <summary>The scheduler's log events, one event id per kind of event.</summary>
internal static partial class SchedulerLog
{
    /// <summary>The event id of <see cref="ScheduledCallbackFailed"/>.</summary>
    public const int ScheduledCallbackFailedId = 1101;

    /// <summary>A scheduled callback threw; the wheel logs it and carries on with the next entry.</summary>
    [LoggerMessage(
        EventId = ScheduledCallbackFailedId,
        EventName = nameof(ScheduledCallbackFailed),
        Level = LogLevel.Error,
        Message = "A scheduled callback due at tick {Tick} threw; the timer wheel keeps running")]
    public static partial void ScheduledCallbackFailed(ILogger logger, long tick, Exception exception);
}
