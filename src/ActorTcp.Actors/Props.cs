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
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
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
        }, null);

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
        return new(typeof(TActor), factory, null);
    }

    /// <summary>Returns a copy of these props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The strategy for the children's failures.</param>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(ActorType, _factory, strategy);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Props({ActorType.Name})";

    internal ActorBase NewActor() => _factory();
}
