using ActorTcp.Actors;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// An actor whose work is to count balls; it signals <c>done</c> once every
/// <c>messagesPerSignal</c> balls. Its state is the same as <see cref="MessageCounter"/>'s, the
/// baseline's per-block state, and its handler is a method, as the baseline's is.
/// </summary>
internal sealed class CountingActor : ReceiveActor
{
    private readonly CountdownEvent _done;
    private readonly int _messagesPerSignal;
    private int _count;

    /// <param name="done">Signalled once every <paramref name="messagesPerSignal"/> balls.</param>
    /// <param name="messagesPerSignal">How many balls make one signal.</param>
    /// <param name="constructed">Signalled when the instance has been built, for the creation suite.</param>
    public CountingActor(CountdownEvent done, int messagesPerSignal, CountdownEvent? constructed = null)
    {
        _done = done;
        _messagesPerSignal = messagesPerSignal;
        Receive<Ball>(Count);
        constructed?.Signal();
    }

    private void Count(Ball ball)
    {
        if (++_count == _messagesPerSignal)
        {
            _count = 0;
            _done.Signal();
        }
    }
}
