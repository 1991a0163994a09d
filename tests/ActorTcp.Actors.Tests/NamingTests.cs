using ActorTcp.Actors.Tests.TestSupport;

namespace ActorTcp.Actors.Tests;

public sealed class NamingTests
{
    [Fact]
    public async Task DuplicateName_ThrowsNamingTheParentAndTheName()
    {
        // Arrange
        await using var system = ActorSystem.Create("names");
        var parent = system.ActorOf(Props.Create(() => new Parent()), "parent");

        // Act
        await parent.Ask<IActorRef>(new CreateChild("kid"), Probe.DefaultTimeout);
        var invalid = await parent.Ask<InvalidActorNameException>(new CreateChild("kid"), Probe.DefaultTimeout);

        // Assert
        Assert.Equal("Actor name [kid] is not unique among the children of [actortcp://names/user/parent]", invalid.Message);
    }

    [Fact]
    public async Task DuplicateTopLevelName_Throws()
    {
        // Arrange
        await using var system = ActorSystem.Create("names");
        system.ActorOf(Props.Create(() => new Parent()), "same");

        // Act
        var failure = Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create(() => new Parent()), "same"));

        // Assert
        Assert.Contains("[same]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[actortcp://names/user]", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("$reserved")]
    [InlineData("with space")]
    public async Task InvalidName_IsRejected(string name)
    {
        // Arrange
        await using var system = ActorSystem.Create("names");

        // Act / Assert
        Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create(() => new Parent()), name));
    }

    [Fact]
    public async Task GeneratedNames_AreDollarLettersAndUnique()
    {
        // Arrange
        await using var system = ActorSystem.Create("names");

        // Act
        var first = system.ActorOf(Props.Create(() => new Parent()));
        var second = system.ActorOf(Props.Create(() => new Parent()));

        // Assert
        Assert.Equal("$a", first.Path.Name);
        Assert.Equal("$b", second.Path.Name);
        Assert.Equal("actortcp://names/user/$a", first.Path.ToString());
    }

    [Fact]
    public async Task Path_ListsSystemAndElements()
    {
        // Arrange
        await using var system = ActorSystem.Create("names");
        var parent = system.ActorOf(Props.Create(() => new Parent()), "a");

        // Act
        var child = await parent.Ask<IActorRef>(new CreateChild("b"), Probe.DefaultTimeout);

        // Assert
        Assert.Equal("actortcp://names/user/a/b", child.Path.ToString());
        Assert.Equal(["user", "a", "b"], child.Path.Elements);
        Assert.Equal("names", child.Path.SystemName);
        Assert.Equal(parent.Path, child.Path.Parent);
    }

    [Fact]
    public async Task NameOfATerminatedChild_CanBeReused()
    {
        // Arrange
        await using var system = ActorSystem.Create("names");
        var probe = Probe.Create(system);
        var first = system.ActorOf(Props.Create(() => new Parent()), "reused");
        await probe.WatchAsync(first);

        // Act
        system.Stop(first);
        await probe.ExpectTerminatedAsync(first);
        var second = system.ActorOf(Props.Create(() => new Parent()), "reused");

        // Assert
        Assert.NotSame(first, second);
        Assert.Equal(first.Path, second.Path);
    }

    private sealed record CreateChild(string Name);

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<CreateChild>(create =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(Props.Create(() => new Parent()), create.Name));
                }
                catch (InvalidActorNameException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }
}
