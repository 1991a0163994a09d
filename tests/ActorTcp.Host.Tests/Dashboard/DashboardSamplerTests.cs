using ActorTcp.Connections;
using ActorTcp.Host.Dashboard;
using ActorTcp.Lifecycle;
using ActorTcp.TestKit.VirtualTime;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>The sampler in virtual time: samples are taken by calling it, the clock is moved by hand.</summary>
public sealed class DashboardSamplerTests
{
    [Fact]
    public async Task SubscriberJoiningLate_GetsTheHistoryThenEveryLaterTickInOrder()
    {
        // Arrange
        var time = new VirtualTimeProvider();
        var open = new List<ConnectionSnapshot> { DashboardSampleTests.Snapshot(1, LifecycleState.Established) };
        await using var sampler = Sampler(time, () => open, history: TimeSpan.FromSeconds(3));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await sampler.SampleAsync(CancellationToken.None);
        }

        // Act
        using var subscription = sampler.Subscribe();
        open.Add(DashboardSampleTests.Snapshot(2, LifecycleState.PeerClosed));
        time.Advance(TimeSpan.FromSeconds(1));
        await sampler.SampleAsync(CancellationToken.None);

        // Assert: the history is the last three seconds, and the tick after it has the new connection.
        Assert.Equal(3, subscription.History.Count);
        Assert.Equal(time.GetUtcNow().AddSeconds(-1), subscription.History[^1].Time);
        Assert.Equal([1L], subscription.Latest!.Rows.Select(r => r.Id));
        Assert.True(subscription.Ticks.TryRead(out var tick));
        Assert.Equal([1L, 2L], tick.Rows.Select(r => r.Id));
        Assert.Equal(1, tick.Sample.States["PeerClosed"]);
        Assert.False(subscription.Ticks.TryRead(out _));
    }

    [Fact]
    public async Task RatesAreTakenOverTheTimeThatReallyPassed()
    {
        // Arrange
        var time = new VirtualTimeProvider();
        var totals = DashboardSampleTests.Totals();
        await using var sampler = Sampler(time, () => [], totals: () => totals);
        using var subscription = sampler.Subscribe();

        // Act: a tick that came four seconds late, with 40 accepted meanwhile.
        totals = DashboardSampleTests.Totals(accepted: 40);
        time.Advance(TimeSpan.FromSeconds(4));
        await sampler.SampleAsync(CancellationToken.None);

        // Assert
        Assert.True(subscription.Ticks.TryRead(out var tick));
        Assert.Equal(10, tick.Sample.AcceptedPerSecond);
    }

    [Fact]
    public async Task ServerDoesNotAnswer_NoTickIsPublishedAndTheNextSampleRecovers()
    {
        // Arrange
        var time = new VirtualTimeProvider();
        var answering = false;
        await using var sampler = new DashboardSampler(
            _ => answering ? Task.FromResult<IReadOnlyList<ConnectionSnapshot>>([]) : Task.FromException<IReadOnlyList<ConnectionSnapshot>>(new TimeoutException()),
            () => DashboardSampleTests.Totals(),
            new DashboardOptions { TimeProvider = time },
            NullLogger.Instance);
        using var subscription = sampler.Subscribe();

        // Act and assert
        Assert.False(await sampler.SampleAsync(CancellationToken.None));
        Assert.False(subscription.Ticks.TryRead(out _));
        answering = true;
        Assert.True(await sampler.SampleAsync(CancellationToken.None));
        Assert.True(subscription.Ticks.TryRead(out _));
    }

    [Fact]
    public async Task Stop_EndsEverySubscription()
    {
        var time = new VirtualTimeProvider();
        var sampler = Sampler(time, () => []);
        using var subscription = sampler.Subscribe();

        await sampler.DisposeAsync();

        Assert.True(subscription.Ticks.Completion.IsCompleted);
        Assert.True(sampler.Stopping.IsCancellationRequested);
    }

    private static DashboardSampler Sampler(
        VirtualTimeProvider time,
        Func<IReadOnlyList<ConnectionSnapshot>> connections,
        TimeSpan? history = null,
        Func<DashboardTotals>? totals = null) =>
        new(
            _ => Task.FromResult(connections()),
            totals ?? (() => DashboardSampleTests.Totals()),
            new DashboardOptions { TimeProvider = time, History = history ?? TimeSpan.FromMinutes(5) },
            NullLogger.Instance);
}
