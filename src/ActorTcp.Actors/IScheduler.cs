using ActorTcp.Actors.Scheduling;

namespace ActorTcp.Actors;

/// <summary>
/// The system's scheduler (Akka.NET's <c>IScheduler</c> shape): delayed and repeated tells served by
/// one hashed timing wheel per <see cref="ActorSystem"/>, on the system's <see cref="TimeProvider"/>,
/// so a virtual clock drives it deterministically in tests.
/// </summary>
/// <remarks>
/// Resolution is one wheel tick (<see cref="ActorSystemSettings.SchedulerTickDuration"/>): work never
/// runs before its delay and at most about one tick after it. Repeated tells keep their phase (each
/// deadline is the previous one plus the interval). Once the system has terminated, nothing is
/// scheduled any more and the handles returned are already cancelled. For timers owned by one actor
/// prefer <see cref="IWithTimers"/>, whose stale ticks are never delivered.
/// </remarks>
/// <example>
/// <code>
/// ICancelable sweep = system.Scheduler.ScheduleTellRepeatedlyCancelable(
///     TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), registry, new Sweep(), ActorRefs.NoSender);
/// // later
/// sweep.Cancel();
/// </code>
/// </example>
public interface IScheduler
{
    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait; zero or negative tells on the next tick.</param>
    /// <param name="receiver">The actor to tell.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the receiver sees; null means none.</param>
    void ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Like <see cref="ScheduleTellOnce"/>, returning a handle that cancels the tell.</summary>
    /// <param name="delay">How long to wait; zero or negative tells on the next tick.</param>
    /// <param name="receiver">The actor to tell.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the receiver sees; null means none.</param>
    /// <returns>A handle; cancelling it before the tell is due stops it.</returns>
    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>
    /// Tells <paramref name="message"/> to <paramref name="receiver"/> after <paramref name="initialDelay"/>
    /// and then every <paramref name="interval"/>, for as long as the system runs.
    /// </summary>
    /// <param name="initialDelay">How long to wait before the first tell.</param>
    /// <param name="interval">The period; must be positive.</param>
    /// <param name="receiver">The actor to tell.</param>
    /// <param name="message">The message, told again each period.</param>
    /// <param name="sender">The sender the receiver sees; null means none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Like <see cref="ScheduleTellRepeatedly"/>, returning a handle that stops the repetition.</summary>
    /// <param name="initialDelay">How long to wait before the first tell.</param>
    /// <param name="interval">The period; must be positive.</param>
    /// <param name="receiver">The actor to tell.</param>
    /// <param name="message">The message, told again each period.</param>
    /// <param name="sender">The sender the receiver sees; null means none.</param>
    /// <returns>A handle; cancelling it stops every later tell.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>
    /// Runs <paramref name="action"/> once after <paramref name="delay"/>, on the scheduler's thread:
    /// it must be short and must not block, and it must not touch an actor's state (tell the actor instead).
    /// </summary>
    /// <param name="delay">How long to wait; zero or negative runs on the next tick.</param>
    /// <param name="action">The work.</param>
    /// <returns>A handle that cancels the work.</returns>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
