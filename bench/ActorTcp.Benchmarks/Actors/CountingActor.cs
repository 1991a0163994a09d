using ActorTcp.Actors;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// An actor whose work is to count balls; it signals <c>done</c> once every
/// <c>messagesPerSignal</c> balls. Its state is the same as <see cref="MessageCounter"/>'s, the
/// baseline's per-block state.
/// </summary>
internal sealed class CountingActor : ReceiveActor
{
    private readonly CountdownEvent? _started;
    private int _count;

    public CountingActor(CountdownEvent done, int messagesPerSignal, CountdownEvent? started = null)
    {
        _started = started;
        Receive<Ball>(_ =>
        {
            if (++_count == messagesPerSignal)
            {
                _count = 0;
                done.Signal();
            }
        });
    }

    protected override void PreStart() => _started?.Signal();
}
