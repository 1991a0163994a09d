namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The baseline's per-block state and behaviour, the same as <see cref="CountingActor"/>'s: counts
/// balls and signals <c>done</c> once every <c>messagesPerSignal</c> balls.
/// </summary>
internal sealed class MessageCounter(CountdownEvent done, int messagesPerSignal)
{
    private int _count;

    public void Receive(Ball ball)
    {
        if (++_count == messagesPerSignal)
        {
            _count = 0;
            done.Signal();
        }
    }
}
