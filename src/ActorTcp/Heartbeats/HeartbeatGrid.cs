namespace ActorTcp.Heartbeats;

/// <summary>
/// The steps, shared by every connection of a listener, on which heartbeat checks that cannot end
/// a connection are run: ping times and the misses before the last one allowed.
/// </summary>
/// <remarks>
/// <para>
/// Why: a check is one actor turn, and each scheduler tick that has any turn due wakes a pool
/// thread, which then spins before it parks again. Fifteen thousand connections pinging every
/// 30 s have a few pings due in nearly every 10 ms tick, so the pool wakes a hundred times a
/// second to do a few microseconds of work each time. Rounding those checks up to a coarser shared
/// step batches them: the pool wakes ten times a second instead, for the same pings.
/// </para>
/// <para>
/// The check that can end the connection (the idle timeout, the last miss allowed) is never
/// rounded: it decides when a dead peer is released, and runs exactly on time. Rounding a ping
/// later only moves the ping; misses are still counted from the interval.
/// </para>
/// <para>
/// The step is a twentieth of the ping spread, at most 100 ms: a burst of connections spread over
/// the ping spread is still split into twenty groups or more, so their answers, and the deadlines
/// counted from those answers, do not all fall into one instant. A step shorter than 20 ms (two
/// scheduler ticks) saves nothing over the ticks themselves and is not used.
/// </para>
/// </remarks>
public readonly record struct HeartbeatGrid
{
    /// <summary>The longest step: ten batches a second.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(100);

    /// <summary>Steps shorter than this are not used: two scheduler ticks of the default 10 ms.</summary>
    public static readonly TimeSpan MinStep = TimeSpan.FromMilliseconds(20);

    /// <summary>How many groups the ping spread is split into, at least.</summary>
    public const int GroupsPerSpread = 20;

    /// <summary>The grid for a ping spread: a twentieth of it, at most <see cref="MaxStep"/>; none under <see cref="MinStep"/>.</summary>
    /// <param name="pingSpread">The policy's <see cref="HeartbeatPolicy.PingSpread"/>.</param>
    public HeartbeatGrid(TimeSpan pingSpread)
    {
        var step = pingSpread / GroupsPerSpread;
        if (step > MaxStep)
        {
            step = MaxStep;
        }

        Step = step < MinStep ? TimeSpan.Zero : step;
    }

    /// <summary>The step; zero when checks are not rounded.</summary>
    public TimeSpan Step { get; }

    /// <summary>
    /// The first step boundary at or after <paramref name="dueAt"/>. Boundaries are multiples of
    /// the step on the clock's own timestamps, so they are the same instants for every connection.
    /// </summary>
    /// <param name="dueAt">The check's due time, counted from <paramref name="openedTimestamp"/>.</param>
    /// <param name="openedTimestamp">The connection's time zero, a timestamp of <paramref name="clock"/>.</param>
    /// <param name="clock">The clock the timestamps come from.</param>
    /// <returns><paramref name="dueAt"/> rounded up; unchanged when there is no step or it is <see cref="TimeSpan.MaxValue"/>.</returns>
    public TimeSpan RoundUp(TimeSpan dueAt, long openedTimestamp, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Step == TimeSpan.Zero || dueAt == TimeSpan.MaxValue)
        {
            return dueAt;
        }

        // Where time zero sits within a step, in ticks; from there, how far dueAt is past a boundary.
        var frequency = clock.TimestampFrequency;
        var stepTimestamps = (long)((Int128)Step.Ticks * frequency / TimeSpan.TicksPerSecond);
        var openedIntoStep = (long)((Int128)(((openedTimestamp % stepTimestamps) + stepTimestamps) % stepTimestamps) * TimeSpan.TicksPerSecond / frequency);
        var pastBoundary = (openedIntoStep + dueAt.Ticks) % Step.Ticks;
        return pastBoundary == 0 ? dueAt : dueAt + TimeSpan.FromTicks(Step.Ticks - pastBoundary);
    }
}
