using ActorTcp.Actors;

namespace ActorTcp.TestKit.Tests.Docs;

public sealed class GreeterTests : TestKit
{
    [Fact]
    public void Greet_IsAnsweredWithAGreeting()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));

        greeter.Tell(new Greet("Ada"), TestActor);

        ExpectMsg(new Greeted("Hello, Ada!"));
    }

    [Fact]
    public void Greeter_StopsAfterThirtySecondsWithoutAGreeting()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));
        Watch(greeter);
        greeter.Tell(new Greet("Ada"), TestActor);
        ExpectMsg<Greeted>(); // the greeter has restarted its idle timer

        Advance(TimeSpan.FromSeconds(29));
        greeter.Tell(new Greet("Grace"), TestActor);
        ExpectMsg<Greeted>(); // still alive, and the countdown starts over

        Advance(TimeSpan.FromSeconds(30));
        ExpectTerminated(greeter);
    }
}
