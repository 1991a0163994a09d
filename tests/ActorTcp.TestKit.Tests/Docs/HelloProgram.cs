using ActorTcp.Actors;

namespace ActorTcp.TestKit.Tests.Docs;

public static class HelloProgram
{
    public static async Task<string> RunAsync()
    {
        await using var system = ActorSystem.Create("hello");
        var greeter = system.ActorOf(Props.Create(() => new Greeter()), "greeter");

        // Tell: fire and forget. Sent from outside any actor, the reply goes to dead letters.
        greeter.Tell(new Greet("Ada"));

        // Ask: request and reply, with a timeout.
        var reply = await greeter.Ask<Greeted>(new Greet("Grace"), TimeSpan.FromSeconds(3));
        return reply.Greeting;
    }
}
