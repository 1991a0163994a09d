using ActorTcp.Actors;
using ActorTcp.Actors.Supervision;
using ActorTcp.Handlers;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>
/// Hosting an actor handler (<see cref="ActorConnectionHandler"/>): the user's actor is a child of the
/// connection, so it is supervised with it; its commands arrive here as messages, its failure or stop
/// closes the connection, and the connection stops only after the child has seen <c>Closed</c>.
/// </summary>
public sealed partial class ConnectionActor : IActorHandlerHost
{
    private IActorRef? _handlerActor;
    private Exception? _handlerActorFailure;

    IActorRef IActorHandlerHost.Connection => Self;

    IActorRef IActorHandlerHost.SpawnHandlerActor(Props props)
    {
        var child = Context.ActorOf(props, "handler");
        Context.Watch(child);
        _handlerActor = child;
        return child;
    }

    private bool ReceiveFromHandlerActor(object message)
    {
        switch (message)
        {
            case ActorHandlerProtocol.Write write:
                if (Send(write.Payload.Span) == EnqueueResult.Refused)
                {
                    Sender.Tell(new ActorHandlerProtocol.WriteRefused(write), Self);
                }

                return true;
            case ActorHandlerProtocol.Close:
                Apply(new LifecycleEvent.CloseRequested(CloseReason.LocalClose));
                return true;
            case ActorHandlerProtocol.Abort:
                Apply(new LifecycleEvent.AbortRequested(CloseReason.Aborted));
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_handlerActor):
                OnHandlerActorTerminated();
                return true;
            default:
                return false;
        }
    }

    private Directive OnHandlerActorFailed(Exception exception)
    {
        // The child's failure is the connection's handler failing: stop it, and the Terminated that
        // follows closes the connection with HandlerFailed.
        _handlerActorFailure = exception;
        return Directive.Stop;
    }

    private void OnHandlerActorTerminated()
    {
        _handlerActor = null;
        if (_published)
        {
            Context.Stop(Self);
            return;
        }

        if (_handlerActorFailure is { } failure)
        {
            OnHandlerFailed(failure);
            return;
        }

        // A handler actor that stops by itself is done with the connection.
        Apply(new LifecycleEvent.CloseRequested(CloseReason.LocalClose));
    }

    /// <summary>Stops now, or after the handler actor has processed <c>Closed</c> and stopped.</summary>
    private void StopWhenHandlerActorDone()
    {
        if (_handlerActor is { } child)
        {
            child.Tell(PoisonPill.Instance, Self);
            return;
        }

        Context.Stop(Self);
    }
}
