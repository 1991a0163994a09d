using ActorTcp.Configuration;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Lifecycle;

public sealed class ConnectionLifecycleScenarioTests
{
    [Fact]
    public void PeerHalfClose_HandlerFlushesAndCloses_ClosedByPeerFirstWithoutTimeWaitHere()
    {
        // Arrange
        var driver = new LifecycleDriver();

        // Act: peer FIN, the handler answers and closes, the queue drains.
        var onFin = driver.Apply(LifecycleEvent.PeerFinReceived.Instance);
        driver.Advance(TimeSpan.FromMilliseconds(50));
        var onClose = driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.LocalClose));
        var onFlushed = driver.Apply(LifecycleEvent.WritesFlushed.Instance);

        // Assert
        Assert.True(onFin.Has(LifecycleActions.NotifyPeerClosed | LifecycleActions.StopReading));
        Assert.Equal(LifecycleActions.FlushWrites, onClose.Actions);
        Assert.True(onFlushed.Has(LifecycleActions.CloseSocket));
        Assert.False(onFlushed.Has(LifecycleActions.Reset));
        Assert.Equal([new ConnectionClosed(CloseReason.PeerClosed, ClosedFirstBy.Peer)], driver.Published);
    }

    [Fact]
    public void PeerHalfClose_HandlerNeverCloses_IsClosedWhenCloseWaitTimeoutExpires()
    {
        // Arrange
        var teardown = new TeardownOptions { CloseWaitTimeout = TimeSpan.FromMilliseconds(200) };
        var driver = new LifecycleDriver(teardown);
        driver.Apply(LifecycleEvent.PeerFinReceived.Instance);

        // Act
        var expired = driver.FireTimer();

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(200), driver.Now);
        Assert.True(expired.Has(LifecycleActions.CloseSocket));
        Assert.Equal(LifecycleState.Closed, driver.Status.State);
        Assert.Equal([new ConnectionClosed(CloseReason.CloseWaitTimeout, ClosedFirstBy.Peer)], driver.Published);
    }

    [Fact]
    public void Drain_PeerAnswersGoodbyeWithFin_IsRecordedAsPeerClosedFirst()
    {
        // Arrange
        var driver = new LifecycleDriver();

        // Act
        var onDrain = driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.Drain));
        driver.Advance(TimeSpan.FromMilliseconds(30));
        driver.Apply(LifecycleEvent.PeerFinReceived.Instance);
        driver.Apply(LifecycleEvent.WritesFlushed.Instance);

        // Assert: the goodbye went out without our FIN, so the TIME_WAIT socket is the peer's.
        Assert.True(onDrain.Has(LifecycleActions.SendGoodbye));
        Assert.False(onDrain.Has(LifecycleActions.ShutdownSend));
        Assert.DoesNotContain(driver.Decisions, d => d.Has(LifecycleActions.ShutdownSend) || d.Has(LifecycleActions.Reset));
        Assert.Equal([new ConnectionClosed(CloseReason.Drain, ClosedFirstBy.Peer)], driver.Published);
    }

    [Fact]
    public void Drain_PeerIgnoresGoodbye_FallsBackToFinAfterGraceThenClosesOnPeerFin()
    {
        // Arrange
        var driver = new LifecycleDriver();
        driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.Drain));

        // Act
        var onGrace = driver.FireTimer();
        var onGraceTime = driver.Now;
        driver.Advance(TimeSpan.FromMilliseconds(10));
        driver.Apply(LifecycleEvent.PeerFinReceived.Instance);

        // Assert
        Assert.Equal(new TeardownOptions().PeerCloseGrace, onGraceTime);
        Assert.True(onGrace.Has(LifecycleActions.ShutdownSend));
        Assert.Equal(LifecycleTimerKind.FinWait, onGrace.Timer?.Kind);
        Assert.Equal([new ConnectionClosed(CloseReason.Drain, ClosedFirstBy.Local)], driver.Published);
    }

    [Fact]
    public void Drain_PeerIgnoresGoodbyeWithRstFallback_IsResetWhenGraceExpires()
    {
        // Arrange
        var driver = new LifecycleDriver(new TeardownOptions { OnGraceExpired = GraceExpiredAction.Rst });
        driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.Drain));

        // Act
        var onGrace = driver.FireTimer();

        // Assert
        Assert.True(onGrace.Has(LifecycleActions.Reset));
        Assert.False(onGrace.Has(LifecycleActions.ShutdownSend));
        Assert.Equal([new ConnectionClosed(CloseReason.Drain, ClosedFirstBy.Reset)], driver.Published);
    }

    [Fact]
    public void Drain_PeerSilentAfterGoodbyeAndFin_IsResetWhenFinWaitExpires()
    {
        // Arrange
        var teardown = new TeardownOptions();
        var driver = new LifecycleDriver(teardown);
        driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.Drain));
        driver.FireTimer();

        // Act
        var onFinWait = driver.FireTimer();

        // Assert: bounded by peer-close-grace + fin-wait-timeout in total.
        Assert.Equal(teardown.PeerCloseGrace + teardown.FinWaitTimeout, driver.Now);
        Assert.True(onFinWait.Has(LifecycleActions.Reset));
        Assert.Equal([new ConnectionClosed(CloseReason.FinWaitTimeout, ClosedFirstBy.Reset)], driver.Published);
    }

    [Fact]
    public void LocalCloseWithoutPreferPeerClose_SendsFinFirst_IsRecordedAsLocalFirst()
    {
        // Arrange
        var driver = new LifecycleDriver(new TeardownOptions { PreferPeerClose = false });

        // Act
        var onClose = driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.LocalClose));
        driver.Apply(LifecycleEvent.PeerFinReceived.Instance);

        // Assert
        Assert.Equal(LifecycleState.Closing, onClose.Next.State);
        Assert.Equal(LifecycleActions.FlushWrites | LifecycleActions.ShutdownSend | LifecycleActions.StartTimer, onClose.Actions);
        Assert.False(onClose.Has(LifecycleActions.SendGoodbye));
        Assert.Equal([new ConnectionClosed(CloseReason.LocalClose, ClosedFirstBy.Local)], driver.Published);
    }

    [Fact]
    public void PreferPeerCloseWithEmptyGoodbye_WaitsForPeerWithoutSendingAGoodbye()
    {
        // Arrange
        var driver = new LifecycleDriver(new TeardownOptions { Goodbye = string.Empty });

        // Act
        var onClose = driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.IdleTimeout));

        // Assert
        Assert.Equal(LifecycleState.CloseRequested, onClose.Next.State);
        Assert.False(onClose.Has(LifecycleActions.SendGoodbye));
        Assert.Equal(LifecycleTimerKind.PeerCloseGrace, onClose.Timer?.Kind);
    }

    [Theory]
    [InlineData(LifecycleState.Established)]
    [InlineData(LifecycleState.CloseRequested)]
    public void ProtocolErrorWithFinPolicy_SendsFinWithoutFlushAndStopsFraming(LifecycleState from)
    {
        // Arrange
        var lifecycle = new ConnectionLifecycle(new TeardownOptions { ProtocolError = BadPeerAction.Fin });

        // Act
        var decision = lifecycle.Decide(new LifecycleStatus(from, CloseReason.Drain), LifecycleEvent.ProtocolViolated.Instance, TimeSpan.Zero);

        // Assert
        Assert.Equal(new LifecycleStatus(LifecycleState.Closing, CloseReason.ProtocolError), decision.Next);
        Assert.Equal(LifecycleActions.DiscardInbound | LifecycleActions.ShutdownSend | LifecycleActions.StartTimer, decision.Actions);
        Assert.Equal(LifecycleTimerKind.FinWait, decision.Timer?.Kind);
    }

    [Fact]
    public void SlowConsumerWithFinPolicyAfterPeerFin_ClosesWithoutReset()
    {
        // Arrange
        var lifecycle = new ConnectionLifecycle(new TeardownOptions { ProtocolError = BadPeerAction.Fin });
        var closeWait = new LifecycleStatus(LifecycleState.PeerClosed, CloseReason.PeerClosed);

        // Act
        var decision = lifecycle.Decide(closeWait, LifecycleEvent.SlowConsumerDetected.Instance, TimeSpan.Zero);

        // Assert
        Assert.Equal(LifecycleActions.CloseSocket | LifecycleActions.CancelTimer | LifecycleActions.PublishClosed, decision.Actions);
        Assert.Equal(new ConnectionClosed(CloseReason.SlowConsumer, ClosedFirstBy.Peer), decision.Closed);
    }

    [Fact]
    public void ProtocolErrorWithFinPolicyWhileClosing_OnlyDiscardsInbound()
    {
        // Arrange
        var lifecycle = new ConnectionLifecycle(new TeardownOptions { ProtocolError = BadPeerAction.Fin });
        var closing = new LifecycleStatus(LifecycleState.Closing, CloseReason.LocalClose);

        // Act
        var decision = lifecycle.Decide(closing, LifecycleEvent.ProtocolViolated.Instance, TimeSpan.Zero);

        // Assert
        Assert.Equal(closing, decision.Next);
        Assert.Equal(LifecycleActions.DiscardInbound, decision.Actions);
    }

    [Fact]
    public void HandlerFailed_ClosesGracefullyWithTheShortFinWait()
    {
        // Arrange
        var teardown = new TeardownOptions { HandlerFailedFinWait = TimeSpan.FromMilliseconds(300) };
        var driver = new LifecycleDriver(teardown);

        // Act
        var onFailure = driver.Apply(LifecycleEvent.HandlerFailed.Instance);
        var onFinWait = driver.FireTimer();

        // Assert
        Assert.True(onFailure.Has(LifecycleActions.ShutdownSend));
        Assert.False(onFailure.Has(LifecycleActions.Reset));
        Assert.Equal(TimeSpan.FromMilliseconds(300), driver.Now);
        Assert.True(onFinWait.Has(LifecycleActions.Reset));
        Assert.Single(driver.Published);
    }

    [Fact]
    public void PeerDead_ResetsAtOnceWithoutWaitingForAnyTimer()
    {
        // Arrange
        var driver = new LifecycleDriver();

        // Act
        var decision = driver.Apply(LifecycleEvent.PeerDead.Instance);

        // Assert
        Assert.Equal(LifecycleActions.Reset | LifecycleActions.CancelTimer | LifecycleActions.PublishClosed, decision.Actions);
        Assert.Equal([new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset)], driver.Published);
    }

    [Fact]
    public void EventsAfterClose_AreIgnoredAndNothingIsPublishedTwice()
    {
        // Arrange
        var driver = new LifecycleDriver();
        driver.Apply(LifecycleEvent.PeerFinReceived.Instance);
        driver.Apply(LifecycleEvent.CloseWaitExpired.Instance);

        // Act
        var late = new LifecycleEvent[]
        {
            LifecycleEvent.PeerResetReceived.Instance,
            new LifecycleEvent.AbortRequested(CloseReason.Aborted),
            LifecycleEvent.FinWaitExpired.Instance,
            LifecycleEvent.HandlerFailed.Instance,
        }.Select(driver.Apply).ToList();

        // Assert
        Assert.All(late, decision => Assert.True(decision.IsIgnored));
        Assert.Equal([new ConnectionClosed(CloseReason.CloseWaitTimeout, ClosedFirstBy.Peer)], driver.Published);
    }
}
