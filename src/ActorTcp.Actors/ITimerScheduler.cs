namespace ActorTcp.Actors;

/// <summary>
/// Keyed timers owned by one actor (Akka.NET's <c>ITimerScheduler</c>): each key names at most one
/// timer, whose message is delivered to the actor itself, with the actor as <c>Sender</c>.
/// </summary>
/// <remarks>
/// <para>
/// Starting a key again replaces its timer. A timer that is cancelled or replaced never delivers
/// another message, even one that already waits in the mailbox. A single timer stops being active
/// once its message has been delivered. Every timer is cancelled when the actor restarts (ticks of
/// the old incarnation are dropped) and when it stops.
/// </para>
/// <para>
/// Use it only from the actor's own turn (message handlers and lifecycle hooks), never from another
/// thread. A timer's resolution is one tick of the system scheduler, except an exact one's
/// (<see cref="StartExactSingleTimer"/>).
/// </para>
/// </remarks>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> once, after <paramref name="timeout"/>, replacing any timer with <paramref name="key"/>.</summary>
    /// <param name="key">Names the timer; compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="message">The message delivered to the actor.</param>
    /// <param name="timeout">How long to wait.</param>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>
    /// Like <see cref="StartSingleTimer"/>, but delivers <paramref name="message"/> as soon after
    /// <paramref name="timeout"/> as the system timer allows (about a millisecond) rather than at
    /// the end of the scheduler tick the timeout falls in. Each such timer costs the scheduler a
    /// wake of its own: use it for a deadline that is rarely reached and must not be a tick late
    /// (giving up on a peer), not for every timer. A timeout shorter than one tick is delivered at
    /// the next tick boundary, like any timer.
    /// </summary>
    /// <param name="key">Names the timer; compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="message">The message delivered to the actor.</param>
    /// <param name="timeout">How long to wait.</param>
    void StartExactSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, first after one interval, replacing any timer with <paramref name="key"/>.</summary>
    /// <param name="key">Names the timer; compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="message">The message delivered to the actor.</param>
    /// <param name="interval">The period; must be positive.</param>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Delivers <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>, replacing any timer with <paramref name="key"/>.</summary>
    /// <param name="key">Names the timer; compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="message">The message delivered to the actor.</param>
    /// <param name="initialDelay">How long to wait before the first delivery.</param>
    /// <param name="interval">The period; must be positive.</param>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Tells whether a timer with <paramref name="key"/> is running (a delivered single timer is not).</summary>
    /// <param name="key">The timer's key.</param>
    /// <returns>True while the timer may still deliver its message.</returns>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any; its message is not delivered afterwards.</summary>
    /// <param name="key">The timer's key.</param>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
