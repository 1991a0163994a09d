namespace ActorTcp.Actors.Supervision;

/// <summary>
/// Applies the decider's directive to the failing child only. Restarts are limited to
/// <see cref="MaxNumberOfRetries"/> within <see cref="WithinTimeRange"/>; one more failure in the
/// window stops the child.
/// </summary>
/// <example>
/// <code>
/// var props = Props.Create(() => new Worker())
///     .WithSupervisorStrategy(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), ex => ex switch
///     {
///         TimeoutException => Directive.Resume,
///         _ => Directive.Restart,
///     }));
/// </code>
/// </example>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    /// <summary>Creates a strategy with a restart limit.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; negative means no limit, 0 means never restart.</param>
    /// <param name="withinTimeRange">The window; zero or <see cref="Timeout.InfiniteTimeSpan"/> means the limit counts forever.</param>
    /// <param name="decider">Maps an exception to a directive.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider;
    }

    /// <summary>Creates a strategy with a restart limit given in milliseconds.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; negative means no limit, 0 means never restart.</param>
    /// <param name="withinTimeMilliseconds">The window in milliseconds; zero or less means the limit counts forever.</param>
    /// <param name="decider">Maps an exception to a directive.</param>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, TimeSpan.FromMilliseconds(Math.Max(0, withinTimeMilliseconds)), decider)
    {
    }

    /// <summary>Creates a strategy without a restart limit.</summary>
    /// <param name="decider">Maps an exception to a directive.</param>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; negative means no limit.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window the restart limit applies to; zero or infinite means no window.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <inheritdoc/>
    public override Directive Decide(Exception cause) => _decider(cause);

    internal override bool RequestRestartPermission(ChildRestartStats stats, TimeProvider timeProvider)
    {
        var hasWindow = WithinTimeRange > TimeSpan.Zero;
        if (MaxNumberOfRetries < 0 && !hasWindow)
        {
            return true;
        }

        if (MaxNumberOfRetries == 0)
        {
            return false;
        }

        if (!hasWindow)
        {
            stats.RetriesInWindow++;
            return stats.RetriesInWindow <= MaxNumberOfRetries;
        }

        // Same rule as Akka: a negative limit with a window means one restart per window.
        var limit = MaxNumberOfRetries < 0 ? 1 : MaxNumberOfRetries;
        var now = timeProvider.GetTimestamp();
        if (stats.WindowStart == 0)
        {
            stats.WindowStart = now;
        }

        if (timeProvider.GetElapsedTime(stats.WindowStart, now) <= WithinTimeRange)
        {
            stats.RetriesInWindow++;
            return stats.RetriesInWindow <= limit;
        }

        stats.RetriesInWindow = 1;
        stats.WindowStart = now;
        return true;
    }
}
