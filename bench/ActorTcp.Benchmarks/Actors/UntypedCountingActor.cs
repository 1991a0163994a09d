using ActorTcp.Actors;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// <see cref="CountingActor"/> written as an <see cref="UntypedActor"/>: the same state and work
/// without a handler table, which shows what the runtime itself costs per actor.
/// </summary>
internal sealed class UntypedCountingActor(CountdownEvent done, int messagesPerSignal) : UntypedActor
{
    private int _count;

    protected override void OnReceive(object message)
    {
        if (message is not Ball)
        {
            Unhandled(message);
        }
        else if (++_count == messagesPerSignal)
        {
            _count = 0;
            done.Signal();
        }
    }
}
