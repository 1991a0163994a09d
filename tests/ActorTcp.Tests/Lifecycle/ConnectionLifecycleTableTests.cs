using ActorTcp.Configuration;
using ActorTcp.Lifecycle;

namespace ActorTcp.Tests.Lifecycle;

public sealed class ConnectionLifecycleTableTests
{
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(100);

    public static TheoryData<LifecycleTableRow> Table => new(LifecycleTable.Rows);

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryStateAndEvent_HasTheTabledOutcome(LifecycleTableRow row)
    {
        // Arrange
        var teardown = new TeardownOptions();
        var lifecycle = new ConnectionLifecycle(teardown);
        var from = new LifecycleStatus(row.From, LifecycleTable.StartReason(row.From));

        // Act
        var decision = lifecycle.Decide(from, row.Event, Now);

        // Assert
        Assert.Equal(row.To, decision.Next.State);
        Assert.Equal(row.Actions, decision.Actions);
        Assert.Equal(row.Timer, decision.Timer?.Kind ?? LifecycleTimerKind.None);
        if (decision.Timer is { } timer)
        {
            var expected = ExpectedDuration(teardown, row);
            Assert.Equal(expected, timer.Duration);
            Assert.Equal(Now + expected, timer.DueAt);
        }

        Assert.Equal(row.Closed, decision.Closed);
        if (row.Closed is { } closed)
        {
            Assert.Equal(closed.Reason, decision.Next.Reason);
        }

        if (row.NextReason is { } reason)
        {
            Assert.Equal(reason, decision.Next.Reason);
        }
    }

    [Fact]
    public void Table_CoversEveryStateTimesEveryEventKindExactlyOnce()
    {
        // Arrange: every event kind the decider can receive, found by reflection so a new event
        // cannot be added without a row for it in every state.
        var eventKinds = typeof(LifecycleEvent).GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(LifecycleEvent)) && !t.IsAbstract)
            .ToList();
        var required = Enum.GetValues<LifecycleState>()
            .SelectMany(state => eventKinds.Select(kind => (State: state, Kind: kind)))
            .ToHashSet();

        // Act
        var covered = LifecycleTable.Rows.Select(row => (State: row.From, Kind: row.Event.GetType())).ToList();

        // Assert
        Assert.Equal(13, eventKinds.Count);
        Assert.Empty(required.Except(covered).Select(pair => $"{pair.State} + {pair.Kind.Name}"));
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(required.Count, covered.Count);
    }

    private static TimeSpan ExpectedDuration(TeardownOptions teardown, LifecycleTableRow row) => row.Timer switch
    {
        LifecycleTimerKind.CloseWait => teardown.CloseWaitTimeout,
        LifecycleTimerKind.PeerCloseGrace => teardown.PeerCloseGrace,
        LifecycleTimerKind.FinWait when row.Event is LifecycleEvent.HandlerFailed => teardown.HandlerFailedFinWait,
        LifecycleTimerKind.FinWait => teardown.FinWaitTimeout,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };
}
