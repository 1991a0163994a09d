using ActorTcp.TestKit.VirtualTime;

namespace ActorTcp.TestKit.Tests.VirtualTime;

public sealed class VirtualTimeProviderTests
{
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void NewClock_ReadsTheDocumentedStartInUtc()
    {
        var time = new VirtualTimeProvider();

        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(VirtualTimeProvider.DefaultStart, time.GetUtcNow());
        Assert.Equal(TimeZoneInfo.Utc, time.LocalTimeZone);
        Assert.Equal(TimeSpan.Zero, time.GetLocalNow().Offset);
        Assert.Equal(TimeSpan.TicksPerSecond, time.TimestampFrequency);
    }

    [Fact]
    public void NewClock_WithAStart_ReadsThatInstant()
    {
        var start = new DateTimeOffset(2024, 2, 29, 12, 30, 0, TimeSpan.FromHours(2));

        var time = new VirtualTimeProvider(start);

        Assert.Equal(start, time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow().Offset);
    }

    [Fact]
    public void Advance_MovesUtcNowAndTimestampsByExactlyTheDelta()
    {
        var time = new VirtualTimeProvider();
        var before = time.GetTimestamp();

        time.Advance(Ms(1500));
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(VirtualTimeProvider.DefaultStart + Ms(1500) + TimeSpan.FromTicks(1), time.GetUtcNow());
        Assert.Equal(Ms(1500) + TimeSpan.FromTicks(1), time.GetElapsedTime(before));
    }

    [Fact]
    public void Advance_FiresTimersInDueTimeOrder_NotCreationOrder()
    {
        var time = new VirtualTimeProvider();
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("300"), null, Ms(300), Infinite);
        using var early = time.CreateTimer(_ => fired.Add("100"), null, Ms(100), Infinite);
        using var middle = time.CreateTimer(_ => fired.Add("200"), null, Ms(200), Infinite);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["100", "200", "300"], fired);
    }

    [Fact]
    public void Advance_TimersDueAtTheSameInstant_FireInTheOrderTheyWereArmed()
    {
        var time = new VirtualTimeProvider();
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 5)
            .Select(i => time.CreateTimer(_ => fired.Add(i), null, Ms(50), Infinite))
            .ToList();

        time.Advance(Ms(50));

        Assert.Equal([0, 1, 2, 3, 4], fired);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Advance_EachCallback_SeesItsOwnDueTimeAsNow()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<TimeSpan>();
        using var a = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart), null, Ms(30), Infinite);
        using var b = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart), null, Ms(70), Infinite);

        time.Advance(Ms(100));

        Assert.Equal([Ms(30), Ms(70)], seen);
        Assert.Equal(VirtualTimeProvider.DefaultStart + Ms(100), time.GetUtcNow());
    }

    [Fact]
    public void Advance_ShortOfTheDueTime_DoesNotFire_ThenReachingItDoes()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, Ms(100), Infinite);

        time.Advance(Ms(99));
        var beforeDue = fired;
        time.Advance(Ms(1));

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void PeriodicTimer_OverOneSecond_FiresTenTimesAtEachMultipleOfItsPeriod()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart), null, Ms(100), Ms(100));

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => Ms(100 * i)), seen);
    }

    [Fact]
    public void PeriodicTimer_AcrossManySmallAdvances_KeepsItsPhase()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart), null, Ms(70), Ms(70));

        for (var i = 0; i < 100; i++)
        {
            time.Advance(Ms(7));
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => Ms(70 * i)), seen);
    }

    [Fact]
    public void Change_ToALaterDueTime_MovesTheFiring()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart), null, Ms(100), Infinite);

        time.Advance(Ms(50));
        var changed = timer.Change(Ms(100), Infinite);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(changed);
        Assert.Equal([Ms(150)], seen);
    }

    [Fact]
    public void Change_ToInfiniteDueTime_DisarmsTheTimer()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, Ms(100), Ms(100));

        timer.Change(Infinite, Infinite);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, fired);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Change_FromPeriodicToOneShot_FiresOnce()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, Ms(100), Ms(100));

        timer.Change(Ms(100), TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Dispose_BeforeTheDueTime_PreventsFiringAndLaterChangeReturnsFalse()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, Ms(100), Ms(100));

        timer.Dispose();
        var changed = timer.Change(Ms(10), Infinite);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(changed);
        Assert.Equal(0, fired);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public async Task DisposeAsync_OfAPeriodicTimerFromItsOwnCallback_StopsItAfterThatFiring()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            fired++;
            timer!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }, null, Ms(100), Ms(100));

        time.Advance(TimeSpan.FromSeconds(1));
        await timer.DisposeAsync();

        Assert.Equal(1, fired);
    }

    [Fact]
    public void TimerCreatedByACallback_FiresWithinTheSameAdvanceWhenDue()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<(string Name, TimeSpan At)>();
        var created = new List<ITimer>();
        using var parent = time.CreateTimer(_ =>
        {
            seen.Add(("parent", time.GetUtcNow() - VirtualTimeProvider.DefaultStart));
            created.Add(time.CreateTimer(_ => seen.Add(("child", time.GetUtcNow() - VirtualTimeProvider.DefaultStart)), null, Ms(50), Infinite));
            created.Add(time.CreateTimer(_ => seen.Add(("beyond", time.GetUtcNow() - VirtualTimeProvider.DefaultStart)), null, Ms(500), Infinite));
        }, null, Ms(100), Infinite);

        time.Advance(Ms(200));

        Assert.Equal([("parent", Ms(100)), ("child", Ms(150))], seen);
        Assert.Equal(1, time.ActiveTimerCount);
        created.ForEach(t => t.Dispose());
    }

    [Fact]
    public void TimerCreatedByACallbackWithZeroDueTime_FiresAtTheSameInstantAfterIt()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<(string Name, TimeSpan At)>();
        ITimer? child = null;
        using var parent = time.CreateTimer(_ =>
        {
            seen.Add(("parent", time.GetUtcNow() - VirtualTimeProvider.DefaultStart));
            child = time.CreateTimer(_ => seen.Add(("child", time.GetUtcNow() - VirtualTimeProvider.DefaultStart)), null, TimeSpan.Zero, Infinite);
        }, null, Ms(100), Infinite);

        time.Advance(Ms(100));

        Assert.Equal([("parent", Ms(100)), ("child", Ms(100))], seen);
        child!.Dispose();
    }

    [Fact]
    public void TimerRearmedByItsOwnCallback_UsesTheNewDueTime()
    {
        var time = new VirtualTimeProvider();
        var seen = new List<TimeSpan>();
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            seen.Add(time.GetUtcNow() - VirtualTimeProvider.DefaultStart);
            timer!.Change(Ms(30), Infinite);
        }, null, Ms(10), Ms(1000));

        time.Advance(Ms(100));

        Assert.Equal([Ms(10), Ms(40), Ms(70), Ms(100)], seen);
        timer.Dispose();
    }

    [Fact]
    public void ZeroDueTimeOutsideAMove_FiresOnTheNextMoveNotInsideCreate()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;

        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.Zero, Infinite);
        var duringCreate = fired;
        time.Advance(TimeSpan.Zero);

        Assert.Equal(0, duringCreate);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void SetUtcNow_Forward_FiresWhatItPasses()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        time.SetUtcNow(VirtualTimeProvider.DefaultStart.AddMinutes(5));

        Assert.Equal(5, fired);
        Assert.Equal(VirtualTimeProvider.DefaultStart.AddMinutes(5), time.GetUtcNow());
    }

    [Fact]
    public void SetUtcNow_Backwards_IsRejected()
    {
        var time = new VirtualTimeProvider();
        time.Advance(TimeSpan.FromSeconds(1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(VirtualTimeProvider.DefaultStart));

        Assert.Contains("only moves forward", error.Message, StringComparison.Ordinal);
        Assert.Equal(VirtualTimeProvider.DefaultStart.AddSeconds(1), time.GetUtcNow());
    }

    [Fact]
    public void Advance_Negative_IsRejected()
    {
        var time = new VirtualTimeProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(Ms(-1)));
    }

    [Fact]
    public void CreateTimer_WithANegativeTimeOtherThanInfinite_IsRejected()
    {
        var time = new VirtualTimeProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, Ms(-2), Infinite));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, Ms(1), Ms(-2)));
    }

    [Fact]
    public void Advance_FromInsideACallback_IsRejected()
    {
        var time = new VirtualTimeProvider();
        Exception? inner = null;
        using var timer = time.CreateTimer(_ => inner = Record.Exception(() => time.Advance(Ms(1))), null, Ms(10), Infinite);

        time.Advance(Ms(20));

        Assert.IsType<InvalidOperationException>(inner);
        Assert.Equal(VirtualTimeProvider.DefaultStart + Ms(20), time.GetUtcNow());
    }

    [Fact]
    public void ThrowingCallback_PropagatesOutOfAdvance_WithTheClockAtItsDueTime()
    {
        var time = new VirtualTimeProvider();
        var later = 0;
        using var failing = time.CreateTimer(_ => throw new InvalidTimeZoneException("boom"), null, Ms(40), Infinite);
        using var next = time.CreateTimer(_ => later++, null, Ms(60), Infinite);

        Assert.Throws<InvalidTimeZoneException>(() => time.Advance(Ms(100)));
        var nowAfterFailure = time.GetUtcNow();
        time.Advance(Ms(60));

        Assert.Equal(VirtualTimeProvider.DefaultStart + Ms(40), nowAfterFailure);
        Assert.Equal(1, later);
    }

    [Fact]
    public async Task TaskDelay_OnTheVirtualClock_CompletesOnlyWhenAdvancedFarEnough()
    {
        var time = new VirtualTimeProvider();

        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);
        time.Advance(TimeSpan.FromSeconds(4));
        var completedEarly = delay.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(completedEarly);
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TimersCreatedFromEightThreads_EachFireExactlyOnceOnAdvance()
    {
        var time = new VirtualTimeProvider();
        const int PerThread = 500;
        var counts = new int[8 * PerThread];
        var timers = new ITimer[counts.Length];
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                var id = (t * PerThread) + i;
                timers[id] = time.CreateTimer(_ => Interlocked.Increment(ref counts[id]), null, Ms(1 + (id % 100)), Infinite);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        time.Advance(Ms(100));

        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.Equal(0, time.ActiveTimerCount);
    }
}
