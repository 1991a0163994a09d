using ActorTcp.Actors;

namespace ActorTcp.TestKit.Tests.Probes;

/// <summary>Messages and small actors the probe tests use as the code under test.</summary>
internal static class ProbeActors
{
    public static IActorRef NewSender(TestKit kit, string name) => kit.Sys.ActorOf(Props.Create(() => new Sender()), name);

    public static IActorRef NewEcho(TestKit kit, string name) => kit.Sys.ActorOf(Props.Create(() => new Echo()), name);

    internal sealed record Ping;

    internal sealed record Pong(int N);

    /// <summary>Asks the sender actor to tell <see cref="Message"/> to <see cref="Target"/>, as itself.</summary>
    internal sealed record SendTo(IActorRef Target, object Message);

    /// <summary>Tells what it is asked to, so the receiver sees a real actor as sender.</summary>
    private sealed class Sender : ReceiveActor
    {
        public Sender() => Receive<SendTo>(c => c.Target.Tell(c.Message, Self));
    }

    /// <summary>Replies with what it receives.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }
}
