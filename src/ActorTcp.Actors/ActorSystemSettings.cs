using ActorTcp.Actors.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Actors;

/// <summary>The settings of one <see cref="ActorSystem"/>; every property has a working default.</summary>
/// <example>
/// <code>
/// var system = ActorSystem.Create("tcp", new ActorSystemSettings { Throughput = 10, LoggerFactory = loggerFactory });
/// </code>
/// </example>
public sealed record ActorSystemSettings
{
    /// <summary>
    /// How many user messages an actor processes in one run on the thread pool before it yields the
    /// thread to other actors (and re-queues itself if it has more). Default 30, as in Akka.
    /// </summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Where the runtime and the actors log; default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// The clock of the system (supervision windows, dead-letter log intervals, ask timeouts and the
    /// scheduler); tests substitute a virtual clock. Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The resolution of the system scheduler's timing wheel: scheduled tells and keyed timers run at
    /// most about one tick late. At least 1 ms. Default 10 ms.
    /// </summary>
    public TimeSpan SchedulerTickDuration { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The number of buckets of the scheduler's timing wheel, a power of two; delays beyond one
    /// revolution cost the same, so this only spreads entries. Default 512.
    /// </summary>
    public int SchedulerTicksPerWheel { get; init; } = 512;

    /// <summary>
    /// How the user guardian (<c>/user</c>) handles failures of top-level actors. Default:
    /// <see cref="SupervisorStrategy.DefaultStrategy"/>. A failure that this strategy escalates is
    /// logged at Error and the top-level actor is stopped; it never takes the process down.
    /// </summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>How many dead letters are logged one by one (at Information) before summaries take over. Default 10.</summary>
    public int DeadLettersLoggedIndividually { get; init; } = 10;

    /// <summary>The least time between two dead-letter summary lines (at Debug). Default 10 seconds.</summary>
    public TimeSpan DeadLetterSummaryInterval { get; init; } = TimeSpan.FromSeconds(10);
}
