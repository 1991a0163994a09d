using ActorTcp.Actors;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The serving side of a ping-pong pair: sends the ball to its partner, counts the returns, and
/// signals <c>rallyOver</c> after the last one.
/// </summary>
internal sealed class Pinger : ReceiveActor
{
    private int _remaining;

    public Pinger(IActorRef partner, CountdownEvent rallyOver)
    {
        Receive<Serve>(serve =>
        {
            _remaining = serve.RoundTrips;
            partner.Tell(Ball.Instance);
        });
        Receive<Ball>(ball =>
        {
            if (--_remaining == 0)
            {
                rallyOver.Signal();
            }
            else
            {
                partner.Tell(ball);
            }
        });
    }
}
