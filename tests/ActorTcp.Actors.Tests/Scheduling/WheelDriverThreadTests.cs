using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActorTcp.Actors.Scheduling;

namespace ActorTcp.Actors.Tests.Scheduling;

/// <summary>
/// The system clock's wheel driver, on real time: these tests wait for events with generous bounds
/// and assert only what cannot depend on the machine's speed (lower bounds, which thread, counts).
/// </summary>
public sealed class WheelDriverThreadTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(10);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public async Task Change_RunsTheCallbackOnItsOwnThread_NotBeforeTheDueTime()
    {
        // Arrange
        var woke = new TaskCompletionSource<(string? Name, bool Pooled, TimeSpan At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();
        var state = new object();
        using var driver = new WheelDriverThread(
            _ => woke.TrySetResult((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, stopwatch.Elapsed)),
            state);

        // Act
        driver.Change(Ms(30), Timeout.InfiniteTimeSpan);
        var (name, pooled, at) = await woke.Task.WaitAsync(WaitBound);

        // Assert
        Assert.Equal(WheelDriverThread.ThreadName, name);
        Assert.False(pooled);
        Assert.True(at >= Ms(30), $"woke after {at}, before its 30 ms due time");
        GC.KeepAlive(state);
    }

    [Fact]
    public async Task Change_BeforeTheWake_ReplacesTheEarlierArming()
    {
        // Arrange: armed for an hour, then re-armed for 20 ms from another thread.
        var wakes = 0;
        var woke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = new object();
        using var driver = new WheelDriverThread(
            _ =>
            {
                Interlocked.Increment(ref wakes);
                woke.TrySetResult();
            },
            state);
        driver.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        // Act
        driver.Change(Ms(20), Timeout.InfiniteTimeSpan);
        await woke.Task.WaitAsync(WaitBound);

        // Assert: one wake, long before the hour.
        Assert.Equal(1, Volatile.Read(ref wakes));
        GC.KeepAlive(state);
    }

    [Fact]
    public async Task Change_FromTheCallback_ArmsTheNextWake()
    {
        // Arrange: each wake re-arms for 5 ms, as the wheel does, until the third.
        var stopwatch = Stopwatch.StartNew();
        var times = new List<TimeSpan>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        WheelDriverThread? driver = null;
        var state = new object();
        driver = new WheelDriverThread(
            _ =>
            {
                times.Add(stopwatch.Elapsed);
                if (times.Count < 3)
                {
                    driver!.Change(Ms(5), Timeout.InfiniteTimeSpan);
                }
                else
                {
                    third.TrySetResult();
                }
            },
            state);

        // Act
        driver.Change(Ms(5), Timeout.InfiniteTimeSpan);
        await third.Task.WaitAsync(WaitBound);
        driver.Dispose();

        // Assert: three wakes, each at least 5 ms after the one before.
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= Ms(5) && times[2] - times[1] >= Ms(5), string.Join(", ", times));
        GC.KeepAlive(state);
    }

    [Fact]
    public void Dispose_EndsTheThread_AndLaterChangesReportFalse()
    {
        // Arrange
        var state = new object();
        var driver = new WheelDriverThread(_ => { }, state);
        driver.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        // Act
        driver.Dispose();

        // Assert
        Assert.True(driver.Thread.Join(WaitBound), "the driver thread is still running after Dispose");
        Assert.False(driver.Change(Ms(1), Timeout.InfiniteTimeSpan));
        GC.KeepAlive(state);
    }

    [Fact]
    public void ThreadEnds_WhenItsStateIsCollectedWithoutDispose()
    {
        // Arrange: the only reference to the state is the driver's weak one.
        var wakes = new StrongBox<int>();
        var driver = DriverWithUnreferencedState(wakes);

        // Act
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        driver.Change(Ms(1), Timeout.InfiniteTimeSpan);

        // Assert: the wake finds the state gone, ends the thread and never runs the callback.
        Assert.True(driver.Thread.Join(WaitBound), "the driver thread outlived the state it drives");
        Assert.Equal(0, Volatile.Read(ref wakes.Value));
    }

    [Fact]
    public void ThreadEnds_WhenItsStateIsCollectedAfterTheCallbackHasRun()
    {
        // Arrange: one wake with the state alive; afterwards only the driver's weak reference is left.
        var wakes = new StrongBox<int>();
        var driver = DriverThatWokeOnce(wakes);

        // Act
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        driver.Change(Ms(1), Timeout.InfiniteTimeSpan);

        // Assert: the thread kept no reference of its own from the first wake.
        Assert.True(driver.Thread.Join(WaitBound), "the driver thread kept the state alive after running its callback");
        Assert.Equal(1, Volatile.Read(ref wakes.Value));
    }

    [Fact]
    public void Change_WithAPeriod_IsRejected()
    {
        var state = new object();
        using var driver = new WheelDriverThread(_ => { }, state);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => driver.Change(Ms(10), Ms(10)));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("one-shot", error.Message, StringComparison.Ordinal);
        GC.KeepAlive(state);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WheelDriverThread DriverThatWokeOnce(StrongBox<int> wakes)
    {
        var state = new object();
        var woke = new ManualResetEventSlim();
        var driver = new WheelDriverThread(
            _ =>
            {
                Interlocked.Increment(ref wakes.Value);
                woke.Set();
            },
            state);
        driver.Change(Ms(1), Timeout.InfiniteTimeSpan);
        Assert.True(woke.Wait(WaitBound), "the first wake did not come");
        GC.KeepAlive(state);
        return driver;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WheelDriverThread DriverWithUnreferencedState(StrongBox<int> wakes) =>
        new(_ => Interlocked.Increment(ref wakes.Value), new object());
}
