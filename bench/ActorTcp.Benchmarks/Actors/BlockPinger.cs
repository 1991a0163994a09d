using System.Threading.Tasks.Dataflow;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The state and behaviour of the baseline's serving block, the same as <see cref="Pinger"/>:
/// counts the returns and signals <c>rallyOver</c> after the last one.
/// </summary>
internal sealed class BlockPinger(CountdownEvent rallyOver)
{
    private int _remaining;

    /// <summary>The partner block; set once both blocks exist.</summary>
    public ActionBlock<Ball>? Partner { get; set; }

    /// <summary>Starts a rally; call only while the pair is idle.</summary>
    public void Serve(int roundTrips)
    {
        _remaining = roundTrips;
        Partner!.Post(Ball.Instance);
    }

    public void Receive(Ball ball)
    {
        if (--_remaining == 0)
        {
            rallyOver.Signal();
        }
        else
        {
            Partner!.Post(ball);
        }
    }
}
