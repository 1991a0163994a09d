using System.Diagnostics;
using ActorTcp.Actors.Scheduling;
using ActorTcp.TestKit.VirtualTime;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Tests.Scheduling;

public sealed class HashedWheelTimerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly VirtualTimeProvider _time = new();

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>A wheel of 8 ticks of 10 ms: one revolution is 80 ms, so longer delays need rounds.</summary>
    private HashedWheelTimer NewWheel(TimeSpan? tick = null, ILogger? logger = null) =>
        new(_time, tick ?? Tick, ticksPerWheel: 8, logger);

    private TimeSpan Now => _time.GetUtcNow() - VirtualTimeProvider.DefaultStart;

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(-10)]
    public void Constructor_TickShorterThanOneMillisecond_IsRejected(double milliseconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedWheelTimer(_time, Ms(milliseconds), 512));

        Assert.Equal("tickDuration", error.ParamName);
        Assert.Contains("at least 1 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WheelSizeNotAPowerOfTwo_IsRejectedNamingTheNearestPowers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedWheelTimer(_time, Tick, 500));

        Assert.Equal("ticksPerWheel", error.ParamName);
        Assert.Contains("power of two", error.Message, StringComparison.Ordinal);
        Assert.Contains("256 and 512", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    [InlineData((1 << 30) + 1)]
    public void Constructor_WheelSizeOutOfRange_IsRejected(int ticksPerWheel)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedWheelTimer(_time, Tick, ticksPerWheel));

        Assert.Equal("ticksPerWheel", error.ParamName);
    }

    [Fact]
    public void Wheel_IsDrivenByOneTimer_HoweverManyEntriesItHolds()
    {
        using var wheel = NewWheel();

        for (var i = 0; i < 1000; i++)
        {
            wheel.Schedule(Ms(i), static _ => { }, null);
            wheel.ScheduleRepeatedly(Ms(i), Ms(100), static _ => { }, null);
        }

        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Fact]
    public void Schedule_FiresOnceWhenItsDelayHasPassed_NeverBefore()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.Schedule(Ms(50), _ => seen.Add(Now), null);

        _time.Advance(Ms(49));
        var beforeDelay = seen.Count;
        _time.Advance(Ms(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, beforeDelay);
        Assert.Equal([Ms(50)], seen);
    }

    [Fact]
    public void Schedule_DelayBetweenTicks_FiresOnTheFirstTickAfterIt()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.Schedule(Ms(15), _ => seen.Add(Now), null);

        _time.Advance(Ms(19));
        var beforeTick = seen.Count;
        _time.Advance(Ms(1));

        Assert.Equal(0, beforeTick);
        Assert.Equal([Ms(20)], seen);
    }

    [Fact]
    public void Schedule_FromTheMiddleOfATick_CountsTheDelayFromThatInstant()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        _time.Advance(Ms(5));

        wheel.Schedule(Ms(10), _ => seen.Add(Now), null);
        _time.Advance(Ms(100));

        Assert.Equal([Ms(20)], seen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Schedule_ZeroOrNegativeDelay_FiresOnTheNextTick(double milliseconds)
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        _time.Advance(Ms(30));

        wheel.Schedule(Ms(milliseconds), _ => seen.Add(Now), null);
        _time.Advance(Ms(9));
        var beforeNextTick = seen.Count;
        _time.Advance(Ms(1));

        Assert.Equal(0, beforeNextTick);
        Assert.Equal([Ms(40)], seen);
    }

    [Fact]
    public void Schedule_FromACallbackWithZeroDelay_RunsOnTheNextTick()
    {
        using var wheel = NewWheel();
        var seen = new List<(string Name, TimeSpan At)>();
        wheel.Schedule(Ms(10), _ =>
        {
            seen.Add(("first", Now));
            wheel.Schedule(TimeSpan.Zero, _ => seen.Add(("second", Now)), null);
        }, null);

        _time.Advance(Ms(100));

        Assert.Equal([("first", Ms(10)), ("second", Ms(20))], seen);
    }

    [Fact]
    public void Schedule_EntriesDueInOneTick_RunInDeadlineOrderThenSchedulingOrder()
    {
        using var wheel = NewWheel(tick: Ms(100));
        var order = new List<string>();
        wheel.Schedule(Ms(90), _ => order.Add("90"), null);
        wheel.Schedule(Ms(10), _ => order.Add("10"), null);
        wheel.Schedule(Ms(50), _ => order.Add("50 first"), null);
        wheel.Schedule(Ms(50), _ => order.Add("50 second"), null);
        wheel.Schedule(Ms(30), _ => order.Add("30"), null);

        _time.Advance(Ms(100));

        Assert.Equal(["10", "30", "50 first", "50 second", "90"], order);
    }

    [Fact]
    public void Schedule_DelaysLongerThanARevolution_WaitForTheirRounds()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();

        // 10 ms, 90 ms and 330 ms all land in bucket 1 of the 8-bucket wheel.
        wheel.Schedule(Ms(330), _ => seen.Add(Now), null);
        wheel.Schedule(Ms(90), _ => seen.Add(Now), null);
        wheel.Schedule(Ms(10), _ => seen.Add(Now), null);
        for (var i = 0; i < 50; i++)
        {
            _time.Advance(Tick);
        }

        Assert.Equal([Ms(10), Ms(90), Ms(330)], seen);
    }

    [Fact]
    public void Schedule_HoursAhead_FiresAtItsDeadlineAfterThousandsOfRounds()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.Schedule(TimeSpan.FromHours(1) + Ms(5), _ => seen.Add(Now), null);

        _time.Advance(TimeSpan.FromHours(1));
        var beforeDeadline = seen.Count;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, beforeDeadline);
        Assert.Equal([TimeSpan.FromHours(1) + Ms(10)], seen);
    }

    [Fact]
    public void ExactEntry_RunsAtItsDeadline_NotAtTheEndOfItsTick()
    {
        using var wheel = NewWheel();
        var seen = new List<(string Name, TimeSpan At)>();
        wheel.Schedule(new RecordingEntry("ticked", seen, () => Now), Ms(23), interval: null);
        wheel.Schedule(new RecordingEntry("exact", seen, () => Now), Ms(23), interval: null, exact: true);

        _time.Advance(Ms(22));
        var beforeDeadline = seen.Count;
        _time.Advance(Ms(100));

        Assert.Equal(0, beforeDeadline);
        Assert.Equal([("exact", Ms(23)), ("ticked", Ms(30))], seen);
    }

    [Fact]
    public void ExactEntry_DueBeforeTheNextTickBoundary_RunsAtThatBoundary()
    {
        using var wheel = NewWheel();
        var seen = new List<(string Name, TimeSpan At)>();

        wheel.Schedule(new RecordingEntry("exact", seen, () => Now), Ms(4), interval: null, exact: true);
        _time.Advance(Ms(100));

        Assert.Equal([("exact", Ms(10))], seen);
    }

    [Fact]
    public void ExactEntry_Cancelled_NeverRuns_AndTheDriverGoesBackToTheTickBoundaries()
    {
        var clock = new LateWakeTimeProvider();
        using var wheel = new HashedWheelTimer(clock, Tick, 8);
        var seen = new List<(string Name, TimeSpan At)>();
        var exact = new RecordingEntry("exact", seen, () => TimeSpan.FromTicks(clock.GetTimestamp()));
        wheel.Schedule(exact, Ms(25), interval: null, exact: true);

        // The first boundary takes the entry in and wakes on the next boundary, which is sooner.
        clock.Jump(Tick);
        clock.Wake();
        var armedBeforeDeadline = clock.LastDueTime;
        clock.Jump(Tick);
        clock.Wake();
        var armedForDeadline = clock.LastDueTime;
        exact.Cancel();
        clock.Jump(Ms(5));
        clock.Wake();

        Assert.Equal(Tick, armedBeforeDeadline);
        Assert.Equal(Ms(5), armedForDeadline);
        Assert.Equal(Ms(5), clock.LastDueTime);
        Assert.Empty(seen);
    }

    [Fact]
    public void ExactEntry_WithAnInterval_IsRejected()
    {
        using var wheel = NewWheel();

        Assert.Throws<ArgumentException>(() => wheel.Schedule(new RecordingEntry("exact", [], () => Now), Ms(5), Ms(5), exact: true));
    }

    [Fact]
    public void LateWake_RunsExactAndTickedEntriesTogetherInDeadlineOrder()
    {
        var clock = new LateWakeTimeProvider();
        using var wheel = new HashedWheelTimer(clock, Tick, 8);
        var seen = new List<(string Name, TimeSpan At)>();
        TimeSpan Read() => TimeSpan.FromTicks(clock.GetTimestamp());
        wheel.Schedule(new RecordingEntry("exact at 23", seen, Read), Ms(23), interval: null, exact: true);
        wheel.Schedule(new RecordingEntry("ticked at 21", seen, Read), Ms(21), interval: null);
        wheel.Schedule(new RecordingEntry("ticked at 25", seen, Read), Ms(25), interval: null);
        clock.Jump(Tick);
        clock.Wake();

        // The driver wakes 40 ms late: everything due by then runs in one pass, by deadline.
        clock.Jump(Ms(40));
        clock.Wake();

        Assert.Equal(["ticked at 21", "exact at 23", "ticked at 25"], seen.Select(s => s.Name));
    }

    [Fact]
    public void Cancel_BeforeTheDeadline_NeverFires()
    {
        using var wheel = NewWheel();
        var fired = 0;
        var handle = wheel.Schedule(Ms(50), _ => fired++, null);
        _time.Advance(Ms(20));

        handle.Cancel();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(handle.IsCancellationRequested);
        Assert.Equal(0, fired);
    }

    [Fact]
    public void Cancel_BeforeTheEntryReachedItsBucket_NeverFires()
    {
        using var wheel = NewWheel();
        var fired = 0;

        var handle = wheel.Schedule(Ms(5), _ => fired++, null);
        handle.Cancel();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void Cancel_FromAnEarlierCallbackInTheSameTick_PreventsTheLaterEntry()
    {
        using var wheel = NewWheel(tick: Ms(100));
        var order = new List<string>();
        ICancelable? victim = null;
        wheel.Schedule(Ms(10), _ =>
        {
            order.Add("canceller");
            victim!.Cancel();
        }, null);
        victim = wheel.Schedule(Ms(20), _ => order.Add("victim"), null);
        wheel.Schedule(Ms(30), _ => order.Add("bystander"), null);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["canceller", "bystander"], order);
    }

    [Fact]
    public void Cancel_OfRepeatedWorkFromItsOwnCallback_StopsFurtherRuns()
    {
        using var wheel = NewWheel();
        var runs = 0;
        ICancelable? handle = null;
        handle = wheel.ScheduleRepeatedly(Ms(10), Ms(10), _ =>
        {
            if (++runs == 3)
            {
                handle!.Cancel();
            }
        }, null);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, runs);
    }

    [Fact]
    public void ScheduleRepeatedly_100MsOverOneSecond_FiresExactlyTenTimesOnTheMultiples()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.ScheduleRepeatedly(Ms(100), Ms(100), _ => seen.Add(Now), null);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => Ms(100 * i)), seen);
    }

    [Fact]
    public void ScheduleRepeatedly_IntervalNotAMultipleOfTheTick_DoesNotDrift()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.ScheduleRepeatedly(Ms(35), Ms(35), _ => seen.Add(Now), null);

        _time.Advance(Ms(3500));

        Assert.Equal(100, seen.Count);
        for (var k = 1; k <= seen.Count; k++)
        {
            Assert.InRange(seen[k - 1], Ms(35 * k), Ms(35 * k) + Tick - TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void ScheduleRepeatedly_IntervalShorterThanATick_RunsOncePerTick()
    {
        using var wheel = NewWheel();
        var seen = new List<TimeSpan>();
        wheel.ScheduleRepeatedly(Ms(3), Ms(3), _ => seen.Add(Now), null);

        _time.Advance(Ms(100));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => Ms(10 * i)), seen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void ScheduleRepeatedly_ZeroOrNegativeInterval_IsRejected(double milliseconds)
    {
        using var wheel = NewWheel();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => wheel.ScheduleRepeatedly(Ms(10), Ms(milliseconds), _ => { }, null));

        Assert.Equal("interval", error.ParamName);
    }

    [Fact]
    public void LargeAdvance_FiresEveryEntryOnceInDeadlineOrderWithinOneTickOfItsDeadline()
    {
        using var wheel = NewWheel();
        var random = new Random(20261121);
        var delays = Enumerable.Range(0, 2000).Select(_ => Ms(random.Next(0, 10_000))).ToArray();
        var fired = new List<(int Id, TimeSpan At)>();
        foreach (var id in Enumerable.Range(0, delays.Length))
        {
            wheel.Schedule(delays[id], _ => fired.Add((id, Now)), null);
        }

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Enumerable.Range(0, delays.Length), fired.Select(f => f.Id).Order());
        Assert.Equal(fired.OrderBy(f => delays[f.Id]).ThenBy(f => f.Id).Select(f => f.Id), fired.Select(f => f.Id));
        Assert.All(fired, f => Assert.InRange(f.At, delays[f.Id], delays[f.Id] + Tick));
    }

    [Fact]
    public void LateWake_ProcessesEveryElapsedTickInOrder()
    {
        var clock = new LateWakeTimeProvider();
        using var wheel = new HashedWheelTimer(clock, Tick, 8);
        var order = new List<string>();
        wheel.ScheduleRepeatedly(Ms(10), Ms(10), _ => order.Add("every 10"), null);
        wheel.Schedule(Ms(35), _ => order.Add("at 35"), null);
        wheel.Schedule(Ms(15), _ => order.Add("at 15"), null);

        clock.Jump(Ms(105));
        clock.Wake();

        Assert.Equal(1, clock.TimersCreated);
        Assert.Equal(
            ["every 10", "at 15", "every 10", "every 10", "at 35", "every 10", "every 10", "every 10", "every 10", "every 10", "every 10", "every 10"],
            order);
    }

    [Fact]
    public void LateWake_ArmsTheDriverForTheNextTickBoundary_SoWakesDoNotDrift()
    {
        var clock = new LateWakeTimeProvider();
        using var wheel = new HashedWheelTimer(clock, Tick, 8);
        Assert.Equal(Tick, clock.LastDueTime);

        // A wake 3 ms after the first tick ended waits only for the rest of the second tick.
        clock.Jump(Ms(13));
        clock.Wake();
        Assert.Equal(Ms(7), clock.LastDueTime);

        // A wake on the boundary waits one whole tick; one that comes four and a half ticks late
        // catches up and then waits for the rest of the tick it woke in.
        clock.Jump(Ms(7));
        clock.Wake();
        Assert.Equal(Tick, clock.LastDueTime);
        clock.Jump(Ms(45));
        clock.Wake();
        Assert.Equal(Ms(5), clock.LastDueTime);

        // 4.7 ms before the boundary: whole milliseconds, rounded up, because the system's timers
        // count in milliseconds and would cut 4.7 to 4, waking before the boundary.
        clock.Jump(TimeSpan.FromMicroseconds(300));
        clock.Wake();
        Assert.Equal(Ms(5), clock.LastDueTime);
    }

    [Fact]
    public void ThrowingCallback_IsLoggedWithItsEvent_AndTheWheelKeepsRunning()
    {
        var logger = new RecordingLogger();
        using var wheel = NewWheel(tick: Ms(100), logger: logger);
        var order = new List<string>();
        var failure = new InvalidOperationException("handler bug");
        wheel.Schedule(Ms(10), _ => throw failure, null);
        wheel.Schedule(Ms(20), _ => order.Add("same tick"), null);
        wheel.ScheduleRepeatedly(Ms(100), Ms(100), _ =>
        {
            order.Add("repeated");
            throw failure;
        }, null);

        _time.Advance(Ms(300));

        Assert.Equal(["same tick", "repeated", "repeated", "repeated"], order);
        Assert.Equal(4, logger.Entries.Count);
        Assert.All(logger.Entries, entry =>
        {
            Assert.Equal(LogLevel.Error, entry.Level);
            Assert.Equal("ScheduledCallbackFailed", entry.EventId.Name);
            Assert.Same(failure, entry.Exception);
        });
    }

    [Fact]
    public void ConcurrentScheduling_FromEightThreads_EveryEntryFiresExactlyOnce()
    {
        using var wheel = NewWheel();
        const int PerThread = 5000;
        var counts = new int[8 * PerThread];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                var id = (t * PerThread) + i;
                wheel.Schedule(Ms(id % 1000), _ => Interlocked.Increment(ref counts[id]), null);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        _time.Advance(Ms(1000));
        var afterFirstAdvance = counts.ToArray();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.All(afterFirstAdvance, c => Assert.Equal(1, c));
        Assert.All(counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public void ScheduledCallbackInterface_RunsWithoutADelegate()
    {
        using var wheel = NewWheel();
        var once = new CountingCallback();
        var repeated = new CountingCallback();

        wheel.Schedule(Ms(50), once);
        wheel.ScheduleRepeatedly(Ms(100), Ms(100), repeated);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, once.Runs);
        Assert.Equal(10, repeated.Runs);
    }

    [Fact]
    public void Dispose_StopsTheWheelAndCancelsEntriesThatHaveNotRun()
    {
        var wheel = NewWheel();
        var fired = 0;
        var pending = wheel.Schedule(Ms(5), _ => fired++, null);
        var placed = wheel.Schedule(Ms(50), _ => fired++, null);
        var repeated = wheel.ScheduleRepeatedly(Ms(100), Ms(100), _ => fired++, null);
        _time.Advance(Ms(20));
        var firedBeforeDispose = fired;
        var late = wheel.Schedule(Ms(5), _ => fired++, null);

        wheel.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, firedBeforeDispose);
        Assert.Equal(1, fired);
        Assert.False(pending.IsCancellationRequested);
        Assert.True(placed.IsCancellationRequested);
        Assert.True(repeated.IsCancellationRequested);
        Assert.True(late.IsCancellationRequested);
        Assert.Equal(0, _time.ActiveTimerCount);
        Assert.Throws<ObjectDisposedException>(() => wheel.Schedule(Ms(10), _ => fired++, null));
    }

    [Fact]
    public void Dispose_FromACallback_LaterEntriesOfTheSameTickDoNotRun()
    {
        var wheel = NewWheel(tick: Ms(100));
        var order = new List<string>();
        wheel.Schedule(Ms(10), _ =>
        {
            order.Add("disposer");
            wheel.Dispose();
        }, null);
        var later = wheel.Schedule(Ms(20), _ => order.Add("later"), null);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["disposer"], order);
        Assert.True(later.IsCancellationRequested);
    }

    [Fact]
    public async Task Dispose_FromAnotherThreadDuringATick_ReturnsOnlyAfterTheRunningCallback()
    {
        using var wheel = NewWheel(tick: Ms(100));
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task? dispose = null;
        bool? disposeReturnedWhileRunning = null;
        var laterRan = false;
        wheel.Schedule(Ms(10), _ =>
        {
            running.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            disposeReturnedWhileRunning = dispose!.IsCompleted;
        }, null);
        wheel.Schedule(Ms(20), _ => laterRan = true, null);

        // Dedicated threads: both block by design, and must not wait for the thread pool to grow.
        var advance = Task.Factory.StartNew(() => _time.Advance(Ms(100)), TaskCreationOptions.LongRunning);
        Assert.True(running.Wait(TimeSpan.FromSeconds(10)));
        dispose = Task.Factory.StartNew(wheel.Dispose, TaskCreationOptions.LongRunning);
        await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromMilliseconds(200)));
        release.Set();
        await Task.WhenAll(advance, dispose).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(disposeReturnedWhileRunning);
        Assert.False(laterRan);
    }

    [Fact]
    public async Task Schedule_OnTheSystemClock_FiresAfterItsDelayWithinAGenerousBound()
    {
        using var wheel = new HashedWheelTimer(TimeProvider.System, Tick, 512);
        var fired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();

        wheel.Schedule(Ms(50), _ => fired.TrySetResult(stopwatch.Elapsed), null);
        var elapsed = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(elapsed >= Ms(50), $"fired after {elapsed}, before its 50 ms delay");
    }

    [Fact]
    public async Task WheelOnTheSystemClock_DoesNotCarryItsCreatorsAsyncLocalsIntoCallbacks()
    {
        var ambient = new AsyncLocal<string?> { Value = "request 42" };
        using var wheel = new HashedWheelTimer(TimeProvider.System, Tick, 512);
        ambient.Value = null;
        var seen = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        wheel.Schedule(Ms(20), _ => seen.TrySetResult(ambient.Value), null);
        var value = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(value);
    }

    [Fact]
    public async Task WheelOnTheSystemClock_RunsCallbacksOnItsOwnThreadRatherThanThePool()
    {
        using var wheel = new HashedWheelTimer(TimeProvider.System, Tick, 512);
        var seen = new TaskCompletionSource<(string? Name, bool Pooled)>(TaskCreationOptions.RunContinuationsAsynchronously);

        wheel.Schedule(Ms(20), _ => seen.TrySetResult((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread)), null);
        var (name, pooled) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WheelDriverThread.ThreadName, name);
        Assert.False(pooled);
    }

    private sealed class CountingCallback : IScheduledCallback
    {
        public int Runs { get; private set; }

        public void Run() => Runs++;
    }

    /// <summary>A keyed-timer-like entry that records its name and the time it ran.</summary>
    private sealed class RecordingEntry(string name, List<(string Name, TimeSpan At)> seen, Func<TimeSpan> now) : WheelEntry
    {
        public override void Run() => seen.Add((name, now()));
    }
}
