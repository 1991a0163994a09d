using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;

namespace ActorTcp.Actors.Tests.Dispatch;

public sealed class IdleActorTests
{
    [Fact]
    public async Task IdleActorAfterWork_MailboxIsABareStubAndNothingIsPending()
    {
        // Arrange
        await using var system = ActorSystem.Create("idle");
        var echo = system.ActorOf(Props.Create(() => new Echo()), "echo");

        // Act
        for (var i = 0; i < 100; i++)
        {
            await echo.Ask<int>(i, Probe.DefaultTimeout);
        }

        // Assert
        var cell = ((Cells.LocalActorRef)echo).Cell;
        await Eventually.TrueAsync(() => cell.MailboxIsBareStub, "the mailbox is drained");
        Assert.False(cell.HasPendingSystemMessages);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
