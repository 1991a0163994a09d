using ActorTcp.Actors.Scheduling;
using ActorTcp.TestKit.VirtualTime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorTcp.Benchmarks.Scheduling;

/// <summary>
/// The cost of 100,000 timers: one hashed wheel for all of them against one
/// <see cref="System.Threading.Timer"/> per entry (the baseline), in two scenarios.
/// </summary>
/// <remarks>
/// <para>
/// ScheduleCancel is the connection-timeout pattern: arm a timer, then cancel it before it fires.
/// The wheel runs on a virtual clock advanced by one tick per operation, so the lazy removal of the
/// cancelled entries is measured too; a second wheel row runs on the system clock.
/// </para>
/// <para>
/// ScheduleFire arms 100,000 timers due 1 to 10 ms ahead and waits until all have fired. The
/// baseline has to wait for the real clock (about 10 ms of each operation is waiting); the wheel rows
/// fire by advancing a virtual clock, so they measure the scheduler's own work. A row with one
/// virtual-clock timer per entry shows the same clock without the wheel.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TimerWheelBenchmarks
{
    private const int Count = 100_000;
    private static readonly TimeSpan FarAhead = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan FineTick = TimeSpan.FromMilliseconds(1);

    private readonly Timer[] _timers = new Timer[Count];
    private readonly ITimer[] _virtualTimers = new ITimer[Count];
    private readonly ICancelable[] _handles = new ICancelable[Count];
    private readonly ManualResetEventSlim _allFired = new();
    private VirtualTimeProvider _cancelTime = null!;
    private VirtualTimeProvider _fireTime = null!;
    private VirtualTimeProvider _perEntryTime = null!;
    private HashedWheelTimer _virtualWheel = null!;
    private HashedWheelTimer _fineVirtualWheel = null!;
    private HashedWheelTimer _systemWheel = null!;
    private int _remaining;

    [GlobalSetup]
    public void Setup()
    {
        _cancelTime = new VirtualTimeProvider();
        _fireTime = new VirtualTimeProvider();
        _perEntryTime = new VirtualTimeProvider();
        _virtualWheel = new HashedWheelTimer(_cancelTime, Tick, 512);
        _fineVirtualWheel = new HashedWheelTimer(_fireTime, FineTick, 512);
        _systemWheel = new HashedWheelTimer(TimeProvider.System, Tick, 512);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _virtualWheel.Dispose();
        _fineVirtualWheel.Dispose();
        _systemWheel.Dispose();
        _allFired.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Threading.Timer per entry")]
    [BenchmarkCategory("ScheduleCancel")]
    public void ThreadingTimer_ScheduleCancel()
    {
        for (var i = 0; i < Count; i++)
        {
            _timers[i] = new Timer(static _ => { }, null, FarAhead, Timeout.InfiniteTimeSpan);
        }

        for (var i = 0; i < Count; i++)
        {
            _timers[i].Dispose();
        }
    }

    [Benchmark(Description = "Wheel, virtual clock")]
    [BenchmarkCategory("ScheduleCancel")]
    public void Wheel_ScheduleCancel()
    {
        for (var i = 0; i < Count; i++)
        {
            _handles[i] = _virtualWheel.Schedule(FarAhead, static _ => { }, null);
        }

        for (var i = 0; i < Count; i++)
        {
            _handles[i].Cancel();
        }

        _cancelTime.Advance(Tick);
    }

    [Benchmark(Description = "Wheel, system clock")]
    [BenchmarkCategory("ScheduleCancel")]
    public void WheelOnSystemClock_ScheduleCancel()
    {
        for (var i = 0; i < Count; i++)
        {
            _handles[i] = _systemWheel.Schedule(FarAhead, static _ => { }, null);
        }

        for (var i = 0; i < Count; i++)
        {
            _handles[i].Cancel();
        }
    }

    [Benchmark(Baseline = true, Description = "Threading.Timer per entry")]
    [BenchmarkCategory("ScheduleFire")]
    public void ThreadingTimer_ScheduleFire()
    {
        Arm();
        for (var i = 0; i < Count; i++)
        {
            _timers[i] = new Timer(static s => ((TimerWheelBenchmarks)s!).Fired(), this, DelayOf(i), Timeout.InfiniteTimeSpan);
        }

        _allFired.Wait();
        for (var i = 0; i < Count; i++)
        {
            _timers[i].Dispose();
        }
    }

    [Benchmark(Description = "Wheel, virtual clock")]
    [BenchmarkCategory("ScheduleFire")]
    public void Wheel_ScheduleFire()
    {
        Arm();
        for (var i = 0; i < Count; i++)
        {
            _fineVirtualWheel.Schedule(DelayOf(i), static s => ((TimerWheelBenchmarks)s!).Fired(), this);
        }

        _fireTime.Advance(TimeSpan.FromMilliseconds(10));
        Check();
    }

    [Benchmark(Description = "Virtual-clock timer per entry")]
    [BenchmarkCategory("ScheduleFire")]
    public void VirtualTimerPerEntry_ScheduleFire()
    {
        Arm();
        for (var i = 0; i < Count; i++)
        {
            _virtualTimers[i] = _perEntryTime.CreateTimer(static s => ((TimerWheelBenchmarks)s!).Fired(), this, DelayOf(i), Timeout.InfiniteTimeSpan);
        }

        _perEntryTime.Advance(TimeSpan.FromMilliseconds(10));
        Check();
        for (var i = 0; i < Count; i++)
        {
            _virtualTimers[i].Dispose();
        }
    }

    private static TimeSpan DelayOf(int i) => TimeSpan.FromMilliseconds(1 + (i % 10));

    private void Arm()
    {
        _remaining = Count;
        _allFired.Reset();
    }

    private void Fired()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _allFired.Set();
        }
    }

    private void Check()
    {
        if (!_allFired.IsSet)
        {
            throw new InvalidOperationException($"{_remaining} timers did not fire.");
        }
    }
}
