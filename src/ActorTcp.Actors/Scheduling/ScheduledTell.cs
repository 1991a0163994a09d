namespace ActorTcp.Actors.Scheduling;

/// <summary>One scheduled tell: the wheel runs it directly, so scheduling allocates no delegate or closure.</summary>
internal sealed class ScheduledTell(IActorRef receiver, object message, IActorRef sender) : IScheduledCallback
{
    public void Run() => receiver.Tell(message, sender);
}
