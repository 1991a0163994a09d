using System.Reflection;
using System.Runtime.ExceptionServices;
using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors;

/// <summary>
/// The recipe for an actor: how to create a fresh instance (at start and on every restart, unless
/// <see cref="WithoutRestart"/> says it is never re-created) and, optionally, how it supervises its
/// children. Immutable and shareable.
/// </summary>
/// <example>
/// <code>
/// var props = Props.Create(() => new ConnectionActor(socket, options));
/// var connection = Context.ActorOf(props, "connection-1");
/// </code>
/// </example>
public sealed class Props
{
    /// <summary>A <c>Func&lt;ActorBase&gt;</c>, or a <c>Func&lt;object, ActorBase&gt;</c> called with <see cref="_state"/>.</summary>
    private readonly Delegate _factory;

    /// <summary>The argument of a state-taking factory; null for a factory without one.</summary>
    private readonly object? _state;

    private Props(Type actorType, Delegate factory, object? state, SupervisorStrategy? supervisorStrategy, bool isRestartable = true)
    {
        ActorType = actorType;
        _factory = factory;
        _state = state;
        SupervisorStrategy = supervisorStrategy;
        IsRestartable = isRestartable;
    }

    /// <summary>The type of actor these props create.</summary>
    public Type ActorType { get; }

    /// <summary>
    /// The strategy the actor applies to its children's failures, or null to use the actor's own
    /// <see cref="ActorBase.SupervisorStrategy"/> override (by default <see cref="SupervisorStrategy.DefaultStrategy"/>).
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>
    /// Whether a <see cref="Directive.Restart"/> re-creates the actor from these props; false for props
    /// made with <see cref="WithoutRestart"/>, whose actor a Restart directive stops instead.
    /// </summary>
    public bool IsRestartable { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    public static Props Create<TActor>()
        where TActor : ActorBase, new()
        => new(typeof(TActor), static () =>
        {
            // `new TActor()` goes through Activator, which wraps constructor exceptions; supervisors
            // should see what the constructor actually threw.
            try
            {
                return new TActor();
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(wrapped.InnerException);
                throw;
            }
        }, null, null);

    /// <summary>
    /// Props whose instances come from <paramref name="factory"/>. The factory must return a new
    /// instance on every call: it runs again on each restart.
    /// </summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="factory">Creates one actor instance.</param>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(TActor), factory, null, null);
    }

    /// <summary>
    /// Props whose instances come from <paramref name="factory"/> called with <paramref name="state"/>.
    /// With a static factory this costs one state object per props instead of a closure and a
    /// delegate: worth it for actors created by the ten thousand, such as one per connection. The
    /// factory must return a new instance on every call: it runs again on each restart.
    /// </summary>
    /// <example>
    /// <code>
    /// var props = Props.Create(static state => new ConnectionActor((ConnectionStart)state), new ConnectionStart(socket, info));
    /// </code>
    /// </example>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="factory">Creates one actor instance from <paramref name="state"/>.</param>
    /// <param name="state">What the factory needs; kept for restarts.</param>
    public static Props Create<TActor>(Func<object, TActor> factory, object state)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(state);
        return new(typeof(TActor), factory, state, null);
    }

    /// <summary>Returns a copy of these props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The strategy for the children's failures.</param>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(ActorType, _factory, _state, strategy, IsRestartable);
    }

    /// <summary>
    /// Returns a copy of these props for an actor that is never re-created from them: once the
    /// instance exists, its cell lets the props go, and with them the factory's state; a
    /// <see cref="Directive.Restart"/> from its supervisor stops it instead (the parent is told of
    /// its end as of any stop). For actors made by the ten thousand whose state cannot outlive a
    /// failure, such as one that owns a socket: the props would otherwise stay alive as long as
    /// the actor only to serve a restart that must never happen.
    /// </summary>
    /// <remarks>
    /// Props that also name a <see cref="SupervisorStrategy"/> are kept for it, so their state stays
    /// alive with the actor; the actor's own <see cref="ActorBase.SupervisorStrategy"/> override costs
    /// nothing to keep.
    /// </remarks>
    /// <example>
    /// <code>
    /// var props = Props.Create(static state => new ConnectionActor((ConnectionStart)state), start).WithoutRestart();
    /// </code>
    /// </example>
    public Props WithoutRestart() => new(ActorType, _factory, _state, SupervisorStrategy, isRestartable: false);

    /// <inheritdoc/>
    public override string ToString() => $"Props({ActorType.Name})";

    internal ActorBase NewActor() =>
        _state is null ? ((Func<ActorBase>)_factory)() : ((Func<object, ActorBase>)_factory)(_state);
}
