using System.Net.Sockets;
using ActorTcp.Listening;

namespace ActorTcp.Tests.Listening;

public sealed class AcceptBackoffTests
{
    [Fact]
    public void RepeatedFailures_DoubleFromTenMillisecondsUpToOneSecond()
    {
        var backoff = AcceptBackoff.CreateDefault();

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.NextDelay().TotalMilliseconds).ToArray();

        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000], delays);
    }

    [Fact]
    public void SuccessAfterFailures_StartsTheNextStreakAtTheInitialDelay()
    {
        var backoff = AcceptBackoff.CreateDefault();
        for (var i = 0; i < 5; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.Equal(TimeSpan.FromMilliseconds(10), backoff.NextDelay());
        Assert.Equal(TimeSpan.FromMilliseconds(20), backoff.NextDelay());
    }

    [Theory]
    [InlineData(SocketError.TooManyOpenSockets, true)]
    [InlineData(SocketError.ConnectionAborted, true)]
    [InlineData(SocketError.NoBufferSpaceAvailable, true)]
    [InlineData(SocketError.InvalidArgument, false)]
    [InlineData(SocketError.AccessDenied, false)]
    public void AcceptErrors_AreRetriedOnlyWhenTransient(SocketError error, bool transient)
    {
        Assert.Equal(transient, AcceptFailure.IsTransient(new SocketException((int)error)));
    }

    [Fact]
    public void ClosedListeningSocket_EndsTheLoop()
    {
        Assert.True(AcceptFailure.IsListenerClosed(new ObjectDisposedException("socket")));
        Assert.True(AcceptFailure.IsListenerClosed(new SocketException((int)SocketError.OperationAborted)));
        Assert.False(AcceptFailure.IsListenerClosed(new SocketException((int)SocketError.TooManyOpenSockets)));
    }
}
