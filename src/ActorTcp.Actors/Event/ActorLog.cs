using ActorTcp.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Event;

/// <summary>Every log event of the actor runtime, one event id per kind.</summary>
internal static partial class ActorLog
{
    [LoggerMessage(EventId = 1, EventName = "ActorFailed", Level = LogLevel.Error,
        Message = "Actor {ActorPath} failed; its supervisor decided {Directive}")]
    public static partial void ActorFailed(ILogger logger, Exception exception, ActorPath actorPath, Directive directive);

    [LoggerMessage(EventId = 2, EventName = "ActorFailureResumed", Level = LogLevel.Warning,
        Message = "Actor {ActorPath} failed and resumes with its state")]
    public static partial void ActorFailureResumed(ILogger logger, Exception exception, ActorPath actorPath);

    [LoggerMessage(EventId = 3, EventName = "EscalatedToGuardian", Level = LogLevel.Error,
        Message = "Top-level actor {ActorPath} failed and the failure was escalated to the guardian; the actor is stopped")]
    public static partial void EscalatedToGuardian(ILogger logger, Exception exception, ActorPath actorPath);

    [LoggerMessage(EventId = 4, EventName = "LifecycleHookFailed", Level = LogLevel.Error,
        Message = "Actor {ActorPath} threw from {Hook}")]
    public static partial void LifecycleHookFailed(ILogger logger, Exception exception, ActorPath actorPath, string hook);

    [LoggerMessage(EventId = 5, EventName = "DeadLetter", Level = LogLevel.Information,
        Message = "Dead letter {MessageType} from {Sender} to {Recipient} ({DeadLetterCount} so far)")]
    public static partial void DeadLetter(ILogger logger, string messageType, IActorRef? sender, IActorRef recipient, long deadLetterCount);

    [LoggerMessage(EventId = 6, EventName = "UnhandledMessage", Level = LogLevel.Information,
        Message = "Unhandled message {MessageType} from {Sender} to {Recipient} ({DeadLetterCount} dead letters so far)")]
    public static partial void UnhandledMessage(ILogger logger, string messageType, IActorRef? sender, IActorRef recipient, long deadLetterCount);

    [LoggerMessage(EventId = 7, EventName = "DeadLettersSummary", Level = LogLevel.Debug,
        Message = "{NotLogged} dead letters were not logged one by one since the last summary; {DeadLetterCount} in total")]
    public static partial void DeadLettersSummary(ILogger logger, long notLogged, long deadLetterCount);

    [LoggerMessage(EventId = 8, EventName = "FailureWhileFailed", Level = LogLevel.Error,
        Message = "Actor {ActorPath} failed again while waiting for its supervisor's decision; the new failure is dropped")]
    public static partial void FailureWhileFailed(ILogger logger, Exception exception, ActorPath actorPath);

    [LoggerMessage(EventId = 9, EventName = "RunLoopFault", Level = LogLevel.Critical,
        Message = "Internal fault in the run of actor {ActorPath}")]
    public static partial void RunLoopFault(ILogger logger, Exception exception, ActorPath actorPath);

    [LoggerMessage(EventId = 10, EventName = "SystemTerminated", Level = LogLevel.Debug,
        Message = "Actor system {SystemName} terminated")]
    public static partial void SystemTerminated(ILogger logger, string systemName);
}
