using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Dispatch;
using ActorTcp.Actors.Event;
using ActorTcp.Actors.Scheduling;
using ActorTcp.Actors.Supervision;
using ActorTcp.Actors.Timers;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors;

/// <summary>
/// A hierarchy of actors sharing settings, a clock, logging and a dead-letter office. Top-level
/// actors live under the user guardian <c>/user</c>.
/// </summary>
/// <example>
/// <code>
/// await using var system = ActorSystem.Create("tcp");
/// var echo = system.ActorOf(Props.Create(() => new Echo()), "echo");
/// var reply = await echo.Ask&lt;string&gt;("hello", TimeSpan.FromSeconds(1));
/// </code>
/// </example>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _guardian;
    private readonly DeadLetterMonitor _deadLetterMonitor;
    private readonly ActorPath _temporaryRoot;
    private readonly WheelScheduler _scheduler;
    private long _temporaryCounter;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Throughput = settings.Throughput;
        LoggerFactory = settings.LoggerFactory;
        TimeProvider = settings.TimeProvider;
        Log = LoggerFactory.CreateLogger<ActorSystem>();
        _scheduler = new WheelScheduler(
            TimeProvider, settings.SchedulerTickDuration, settings.SchedulerTicksPerWheel, LoggerFactory.CreateLogger<HashedWheelTimer>());
        SupervisionLog = LoggerFactory.CreateLogger<SupervisorStrategy>();
        _deadLetterMonitor = new DeadLetterMonitor(
            LoggerFactory.CreateLogger<DeadLetter>(), TimeProvider, settings.DeadLettersLoggedIndividually, settings.DeadLetterSummaryInterval);

        var root = ActorPath.CreateRoot(name);
        _temporaryRoot = root.Child("temp");
        DeadLetters = new DeadLetterActorRef(this, root.Child("deadLetters"));
        var rootRef = new RootGuardianActorRef(this, root);
        var guardianProps = Props.Create(static () => new GuardianActor()).WithSupervisorStrategy(settings.GuardianSupervisorStrategy);
        _guardian = new ActorCell(this, guardianProps, rootRef, root.Child("user"));
    }

    /// <summary>The system's name, the authority part of every path in it.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>Where the runtime and the actors log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public ILogger Log { get; }

    /// <summary>The system's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The system's scheduler: one hashed timing wheel on <see cref="TimeProvider"/>, stopped when the
    /// system terminates.
    /// </summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The dead-letter office: messages told to it, or undeliverable, are counted and logged.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>How many dead letters (including unhandled messages) the system has seen.</summary>
    public long DeadLetterCount => _deadLetterMonitor.Count;

    /// <summary>Completes when <see cref="Terminate"/> has stopped every actor and every <c>PostStop</c> has run.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>The user guardian, parent of the top-level actors.</summary>
    internal IActorRef Guardian => _guardian.Self;

    internal int Throughput { get; }

    /// <summary>The scheduler with its allocation-free entry points, for keyed timers and ask.</summary>
    internal WheelScheduler WheelScheduler => _scheduler;

    internal ILogger SupervisionLog { get; }

    /// <summary>Creates and starts a system.</summary>
    /// <param name="name">Letters, digits, '-', '_' and '.', starting with a letter or digit.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ValidateSystemName(name);
        settings ??= new ActorSystemSettings();
        ArgumentNullException.ThrowIfNull(settings.LoggerFactory, nameof(settings));
        ArgumentNullException.ThrowIfNull(settings.TimeProvider, nameof(settings));
        ArgumentNullException.ThrowIfNull(settings.GuardianSupervisorStrategy, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Throughput, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.DeadLettersLoggedIndividually, nameof(settings));

        var system = new ActorSystem(name, settings);
        system._guardian.SendSystemMessage(new Create());
        return system;
    }

    /// <summary>Creates and starts a top-level actor (a child of <c>/user</c>).</summary>
    /// <param name="props">How to create the actor.</param>
    /// <param name="name">A name unique among the top-level actors, or null for a generated one.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>Stops <paramref name="actor"/> asynchronously (children first, then <c>PostStop</c>).</summary>
    /// <param name="actor">The actor to stop.</param>
    public void Stop(IActorRef actor) => _guardian.Stop(actor);

    /// <summary>
    /// Stops every actor, children before their parents, and completes <see cref="WhenTerminated"/>
    /// once all <c>PostStop</c> hooks have run.
    /// </summary>
    public Task Terminate()
    {
        _guardian.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc/>
    public override string ToString() => $"{ActorPath.Scheme}://{Name}";

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient, bool unhandled = false)
    {
        // A keyed timer's tick that reaches a stopped actor belongs to a timer the stop cancelled:
        // dropping it is the timer's contract, not a lost message.
        if (message is ActorTimer)
        {
            return;
        }

        _deadLetterMonitor.Publish(new DeadLetter(message, sender, recipient), unhandled);
    }

    internal ActorPath NextTemporaryPath() =>
        _temporaryRoot.Child("$" + Interlocked.Increment(ref _temporaryCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal void OnGuardianTerminated()
    {
        _scheduler.Dispose();
        _deadLetterMonitor.Flush();
        ActorLog.SystemTerminated(Log, Name);
        _terminated.TrySetResult();
    }

    internal void OnGuardianFailed(Exception cause)
    {
        ActorLog.EscalatedToGuardian(SupervisionLog, cause, _guardian.Path);
        _guardian.SendSystemMessage(new Terminate());
    }

    private static void ValidateSystemName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var valid = char.IsAsciiLetterOrDigit(name[0]);
        foreach (var c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
        }

        if (!valid)
        {
            throw new ArgumentException(
                $"Invalid actor system name [{name}]: use letters, digits, '-', '_' and '.', starting with a letter or digit", nameof(name));
        }
    }
}
