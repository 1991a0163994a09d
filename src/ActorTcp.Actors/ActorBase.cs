using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors;

/// <summary>
/// The base of every actor. The runtime creates instances from <see cref="Props"/> and calls
/// <see cref="Receive"/> with one message at a time, so an actor's fields need no locking.
/// </summary>
/// <remarks>
/// Lifecycle: the constructor and <see cref="PreStart"/> run first; on failure the supervisor may
/// restart the actor — <see cref="PreRestart"/> on the old instance, a new instance from the props,
/// <see cref="PostRestart"/> on it; when the actor stops, its children stop first and then
/// <see cref="PostStop"/> runs exactly once.
/// </remarks>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the actor the runtime is creating.</summary>
    /// <exception cref="ActorInitializationException">The actor was created with <c>new</c> instead of through <see cref="Props"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCellUnderConstruction()
            ?? throw new ActorInitializationException(
                $"An actor of type {GetType().Name} was created with 'new'; actors are created by the system from Props (ActorOf)");
    }

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed; dead letters when it has none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>This actor's context: parent, children, death watch, system.</summary>
    protected IActorContext Context => _cell;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; returns false when the message was not handled.</summary>
    /// <param name="message">The message.</param>
    /// <returns>True when handled; false sends it to <see cref="Unhandled"/>.</returns>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for a message the actor did not handle. By default an unhandled <see cref="Terminated"/>
    /// fails the actor with a <see cref="DeathPactException"/>, and any other message is published
    /// as a dead letter (counted and logged).
    /// </summary>
    /// <param name="message">The unhandled message.</param>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.PublishDeadLetter(message, _cell.CurrentSender, _cell.Self, unhandled: true);
    }

    /// <summary>Runs after the instance is created, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once when the actor has stopped, after all its children stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before a restart. By default stops all children and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">Why the actor failed.</param>
    /// <param name="message">The message being processed when it failed, if any; it is not retried.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart. By default calls <see cref="PreStart"/>.</summary>
    /// <param name="reason">Why the previous instance failed.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// The strategy for this actor's children when its <see cref="Props"/> name none. Default:
    /// <see cref="Supervision.SupervisorStrategy.DefaultStrategy"/>.
    /// </summary>
    protected virtual Supervision.SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.DefaultStrategy;

    internal void InvokeReceive(object message)
    {
        if (!Receive(message))
        {
            Unhandled(message);
        }
    }

    /// <summary>Runs once the constructor has returned; receive-style actors close their handler table here.</summary>
    internal virtual void OnConstructed()
    {
    }

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal Supervision.SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
