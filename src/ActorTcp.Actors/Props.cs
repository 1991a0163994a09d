using System.Reflection;
using System.Runtime.ExceptionServices;
using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors;

/// <summary>
/// The recipe for an actor: how to create a fresh instance (at start and on every restart) and,
/// optionally, how it supervises its children. Immutable and shareable.
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

    private Props(Type actorType, Delegate factory, object? state, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        _state = state;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor these props create.</summary>
    public Type ActorType { get; }

    /// <summary>
    /// The strategy the actor applies to its children's failures, or null to use the actor's own
    /// <see cref="ActorBase.SupervisorStrategy"/> override (by default <see cref="SupervisorStrategy.DefaultStrategy"/>).
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

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
        return new(ActorType, _factory, _state, strategy);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Props({ActorType.Name})";

    internal ActorBase NewActor() =>
        _state is null ? ((Func<ActorBase>)_factory)() : ((Func<object, ActorBase>)_factory)(_state);
}
