using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Tests.Dispatch;

public sealed class MessageQueueTests
{
    [Fact]
    public void NewQueue_IsOnlyItsStubNode()
    {
        // Arrange / Act
        var queue = new MessageQueue();

        // Assert
        Assert.True(queue.IsBareStub);
        Assert.True(queue.IsEmpty);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void DrainedQueue_ReturnsToABareStubThatHoldsNoMessage()
    {
        // Arrange
        var queue = new MessageQueue();
        queue.Enqueue(new Envelope("a", null));
        queue.Enqueue(new Envelope("b", null));

        // Act
        Assert.True(queue.TryDequeue(out var first));
        Assert.True(queue.TryDequeue(out var second));

        // Assert
        Assert.Equal(("a", "b"), (first.Message, second.Message));
        Assert.True(queue.IsEmpty);
        Assert.True(queue.IsBareStub);
    }
}
