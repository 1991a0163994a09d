using ActorTcp.Configuration;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Tests.Lifecycle;

public sealed class ConnectionLifecyclePropertyTests
{
    private static readonly LifecycleEvent[] AllEvents =
    [
        LifecycleEvent.PeerFinReceived.Instance,
        new LifecycleEvent.CloseRequested(CloseReason.LocalClose),
        new LifecycleEvent.CloseRequested(CloseReason.Drain),
        new LifecycleEvent.AbortRequested(CloseReason.Aborted),
        LifecycleEvent.PeerResetReceived.Instance,
        LifecycleEvent.SocketFailed.Instance,
        LifecycleEvent.ProtocolViolated.Instance,
        LifecycleEvent.SlowConsumerDetected.Instance,
        LifecycleEvent.HandlerFailed.Instance,
        LifecycleEvent.PeerDead.Instance,
        LifecycleEvent.CloseWaitExpired.Instance,
        LifecycleEvent.PeerCloseGraceExpired.Instance,
        LifecycleEvent.FinWaitExpired.Instance,
        LifecycleEvent.WritesFlushed.Instance,
    ];

    private static readonly TeardownOptions[] Policies =
    [
        new(),
        new() { PreferPeerClose = false },
        new() { OnGraceExpired = GraceExpiredAction.Rst, ProtocolError = BadPeerAction.Fin },
        new() { Goodbye = string.Empty, ProtocolError = BadPeerAction.Fin },
    ];

    [Fact]
    public void AnyEventSequence_PublishesClosedAtMostOnceAndEveryClosingStateHasItsTimer()
    {
        // Arrange
        var scenarios =
            from policy in Gen.Elements(Policies)
            from events in Gen.ArrayOf(Gen.Elements(AllEvents))
            select (policy, events);

        // Act + Assert
        Prop.ForAll(scenarios.ToArbitrary(), scenario =>
        {
            var driver = new LifecycleDriver(scenario.policy);
            foreach (var @event in scenario.events)
            {
                var wasClosed = driver.Status.State == LifecycleState.Closed;
                var decision = driver.Apply(@event);
                Assert.True(!wasClosed || decision.IsIgnored, "An event after Closed was not ignored.");
                Assert.Equal(ExpectedTimer(driver.Status.State), driver.RunningTimer?.Kind ?? LifecycleTimerKind.None);
            }

            Assert.True(driver.Published.Count <= 1, "Closed was published more than once.");
            Assert.Equal(driver.Status.State == LifecycleState.Closed, driver.Published.Count == 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyOpenConnection_ReachesClosedWhenOnlyItsTimersFire()
    {
        // Arrange: any prefix of events, then nothing but the state timers (a silent, gone peer).
        var prefixes =
            from policy in Gen.Elements(Policies)
            from events in Gen.ArrayOf(Gen.Elements(AllEvents))
            select (policy, events);

        // Act + Assert
        Prop.ForAll(prefixes.ToArbitrary(), scenario =>
        {
            var driver = new LifecycleDriver(scenario.policy);
            foreach (var @event in scenario.events)
            {
                driver.Apply(@event);
            }

            if (driver.Status.State == LifecycleState.Established)
            {
                // Established is bounded by the heartbeat, whose verdicts are these two events.
                driver.Apply(new LifecycleEvent.CloseRequested(CloseReason.IdleTimeout));
            }

            for (var fired = 0; driver.Status.State != LifecycleState.Closed; fired++)
            {
                Assert.True(fired < 3, "More than three timers without reaching Closed.");
                driver.FireTimer();
            }

            Assert.Single(driver.Published);
        }).QuickCheckThrowOnFailure();
    }

    private static LifecycleTimerKind ExpectedTimer(LifecycleState state) => state switch
    {
        LifecycleState.PeerClosed => LifecycleTimerKind.CloseWait,
        LifecycleState.CloseRequested => LifecycleTimerKind.PeerCloseGrace,
        LifecycleState.Closing => LifecycleTimerKind.FinWait,
        _ => LifecycleTimerKind.None,
    };
}
