using ActorTcp.Actors.Scheduling;

namespace ActorTcp.Actors.Tests.Scheduling;

public sealed class CancelableTests
{
    [Fact]
    public void NewCancelable_IsNotCancelled_UntilCancelIsCalled()
    {
        var cancelable = new Cancelable();
        var before = cancelable.IsCancellationRequested;

        cancelable.Cancel();
        cancelable.Cancel();

        Assert.False(before);
        Assert.True(cancelable.IsCancellationRequested);
    }

    [Fact]
    public void Cancelled_IsAlreadyCancelled()
    {
        Assert.True(Cancelable.Cancelled.IsCancellationRequested);
    }
}
