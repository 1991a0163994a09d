namespace ActorTcp.Actors.Supervision;

/// <summary>
/// How a parent handles its children's failures. A failing child is suspended and its parent's
/// strategy picks a <see cref="Directive"/>; the strategy also logs the failure (once, at Error).
/// </summary>
/// <remarks>
/// Set per actor with <see cref="Props.WithSupervisorStrategy"/> or by overriding
/// <see cref="ActorBase.SupervisorStrategy"/>; the default is <see cref="DefaultStrategy"/>.
/// </remarks>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy()
    {
    }

    /// <summary>
    /// Akka's default: restart on any exception except <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>, which stop the child;
    /// no limit on restarts.
    /// </summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops a child on any failure.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(StoppingDecider);

    /// <summary>The decider of <see cref="DefaultStrategy"/>.</summary>
    /// <param name="cause">What the child threw.</param>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The decider of <see cref="StoppingStrategy"/>: always <see cref="Directive.Stop"/>.</summary>
    /// <param name="cause">What the child threw.</param>
    public static Directive StoppingDecider(Exception cause) => Directive.Stop;

    /// <summary>Chooses the directive for a child that threw <paramref name="cause"/>.</summary>
    /// <param name="cause">What the child threw.</param>
    public abstract Directive Decide(Exception cause);

    /// <summary>
    /// Counts a restart of the child described by <paramref name="stats"/> and says whether it is
    /// still allowed; when it is not, the child is stopped instead.
    /// </summary>
    internal abstract bool RequestRestartPermission(ChildRestartStats stats, TimeProvider timeProvider);
}
