using ActorTcp.Actors;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>The returning side of a ping-pong pair: sends every ball back to whoever sent it.</summary>
internal sealed class Ponger : ReceiveActor
{
    public Ponger() => Receive<Ball>(ball => Sender.Tell(ball));
}
