using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// A hashed timing wheel (the Netty / Akka design): many cheap timers served by one driving timer.
/// </summary>
/// <remarks>
/// <para>
/// Time is cut into ticks of <see cref="TickDuration"/>. Tick <c>t</c> ends at
/// <c>start + t × TickDuration</c>, where <c>start</c> is when the wheel was created. An entry with
/// deadline <c>d</c> is run by the first tick that ends at or after <c>d</c>: it never runs before its
/// delay has passed, and — when the driving timer wakes on time, as it always does under a virtual
/// clock — at most one tick after it. A zero or negative delay runs on the next tick.
/// </para>
/// <para>
/// The wheel has <see cref="TicksPerWheel"/> buckets; tick <c>t</c> visits bucket
/// <c>t mod TicksPerWheel</c>. A delay longer than one revolution waits in its bucket for as many
/// rounds as it needs, so any delay costs the same. Scheduling pushes the entry onto a lock-free
/// pending stack (O(1), any thread); the tick moves pending entries into their buckets. Cancelling
/// sets a flag (O(1)); a cancelled entry is unlinked the next time its bucket is visited, at most one
/// revolution later.
/// </para>
/// <para>
/// One timer drives the wheel: on the system clock a thread of its own
/// (<see cref="WheelDriverThread"/>), on any other clock one from
/// <see cref="TimeProvider.CreateTimer"/>. It is one-shot, re-armed after each wake for the end of
/// the next tick, so wakes stay on the tick boundaries: a periodic timer would drift away from them
/// by its own firing delays, and every deadline would run late by that drift on top of its rounding
/// to the tick. Each wake processes every tick that has ended by
/// <see cref="TimeProvider.GetTimestamp"/>, in order, so a late wake catches up and a virtual
/// clock's <c>Advance</c> fires everything it covers. Callbacks
/// run on that wake's thread, one at a time, in deadline order; a callback that throws is logged
/// (event <c>ScheduledCallbackFailed</c>) and the wheel carries on. Callbacks must be short and must
/// not block: they delay every later entry.
/// </para>
/// <para>
/// Exact entries (the keyed timers of <see cref="ITimerScheduler.StartExactSingleTimer"/>) are for
/// the rare deadline that must not run up to a tick late. Once a tick has taken them in from the
/// pending stack they wait in a queue ordered by deadline, and the driver is armed for the earliest
/// of them when it falls before the next tick boundary, so each runs within the system timer's
/// resolution (about a millisecond) of its deadline. An exact entry whose deadline comes before the
/// next tick boundary after it was scheduled runs at that boundary, like any other. Each costs a
/// wake of its own, so they suit deadlines that are rarely reached, not every timer.
/// </para>
/// <para>
/// Repeated work keeps its phase: the next deadline is the previous deadline plus the interval, never
/// "now plus the interval", so it does not drift. A late wake runs it once for every period the wake
/// covers; an interval shorter than a tick runs at most once per tick (the periods that fall inside
/// one tick are merged).
/// </para>
/// <para>
/// <see cref="Dispose"/> stops the driving timer and cancels every entry that has not run: their
/// <see cref="ICancelable.IsCancellationRequested"/> becomes <see langword="true"/>, and no callback
/// runs once <see cref="Dispose"/> has returned.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var wheel = new HashedWheelTimer(TimeProvider.System, TimeSpan.FromMilliseconds(10), 512);
/// ICancelable heartbeat = wheel.ScheduleRepeatedly(
///     TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), static s => ((Connection)s!).CheckIdle(), connection);
/// // ... later, when the connection closes:
/// heartbeat.Cancel();
/// </code>
/// </example>
public sealed class HashedWheelTimer : IDisposable
{
    /// <summary>The longest tick the driving timer can be armed with (the limit of <see cref="ITimer"/>).</summary>
    private static readonly TimeSpan _maxTickDuration = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Delays are capped here so deadline arithmetic cannot overflow (about 14,600 years).</summary>
    private const long MaxDelayTicks = long.MaxValue / 2;

    private const int MaxTicksPerWheel = 1 << 30;

    private static readonly Comparison<WheelEntry> _byDeadline = WheelEntry.CompareByDeadline;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly long _tickTicks;
    private readonly long _startTimestamp;
    private readonly int _mask;
    private readonly WheelEntry?[] _heads;
    private readonly WheelEntry?[] _tails;
    private readonly List<WheelEntry> _due = [];
    private readonly PriorityQueue<WheelEntry, WheelEntry> _exact = new(Comparer<WheelEntry>.Create(WheelEntry.CompareByDeadline));
    private readonly Lock _tickGate = new();
    private readonly ITimer _driver;
    private WheelEntry? _pending;
    private long _processedTick;
    private long _sequence;
    private bool _inTick;
    private int _disposed;

    /// <summary>Creates a wheel and starts its driving timer.</summary>
    /// <param name="timeProvider">The clock: <see cref="TimeProvider.System"/>, or a virtual clock in tests.</param>
    /// <param name="tickDuration">The resolution of the wheel; at least 1 ms (Akka and Netty use 10 ms to 100 ms).</param>
    /// <param name="ticksPerWheel">
    /// The number of buckets: a power of two from 1 to 2^30 (other values are rejected rather than
    /// silently rounded, so configuration says what runs). 512 is a good default.
    /// </param>
    /// <param name="logger">Where failing callbacks are logged; nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tick or the wheel size is out of range.</exception>
    public HashedWheelTimer(TimeProvider timeProvider, TimeSpan tickDuration, int ticksPerWheel, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (tickDuration < TimeSpan.FromMilliseconds(1) || tickDuration > _maxTickDuration)
        {
            throw new ArgumentOutOfRangeException(
                nameof(tickDuration),
                tickDuration,
                $"The tick duration must be at least 1 ms and at most {_maxTickDuration.TotalMilliseconds} ms.");
        }

        if (ticksPerWheel < 1 || ticksPerWheel > MaxTicksPerWheel || !int.IsPow2(ticksPerWheel))
        {
            var above = BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(ticksPerWheel, 1, MaxTicksPerWheel));
            var hint = ticksPerWheel is > 1 and <= MaxTicksPerWheel
                ? $" The nearest powers of two are {above / 2} and {above}."
                : string.Empty;
            throw new ArgumentOutOfRangeException(
                nameof(ticksPerWheel),
                ticksPerWheel,
                $"The number of ticks per wheel must be a power of two from 1 to {MaxTicksPerWheel}.{hint}");
        }

        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _tickTicks = tickDuration.Ticks;
        _mask = ticksPerWheel - 1;
        _heads = new WheelEntry?[ticksPerWheel];
        _tails = new WheelEntry?[ticksPerWheel];
        TickDuration = tickDuration;
        _startTimestamp = timeProvider.GetTimestamp();

        // The driving timer lives as long as the wheel; it must not carry the creator's async-local
        // state (activities, scopes) into every callback of every caller.
        var suppressedHere = !ExecutionContext.IsFlowSuppressed();
        var flow = suppressedHere ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _driver = CreateDriver(timeProvider);
        }
        finally
        {
            if (suppressedHere)
            {
                flow.Undo();
            }
        }

        // Armed only once the field is set: every wake re-arms the driver through it.
        _driver.Change(tickDuration, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The system clock gets a thread of its own (one wake a tick, see <see cref="WheelDriverThread"/>);
    /// any other clock, such as a virtual one in tests, makes the timer, so advancing it drives the wheel.
    /// </summary>
    private ITimer CreateDriver(TimeProvider timeProvider)
    {
        TimerCallback onWake = static self => ((HashedWheelTimer)self!).OnDriverTick();
        return ReferenceEquals(timeProvider, TimeProvider.System)
            ? new WheelDriverThread(onWake, this)
            : timeProvider.CreateTimer(onWake, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the resolution of the wheel.</summary>
    public TimeSpan TickDuration { get; }

    /// <summary>Gets the number of buckets in the wheel.</summary>
    public int TicksPerWheel => _heads.Length;

    /// <summary>Runs <paramref name="callback"/>(<paramref name="state"/>) once, after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait; zero or negative runs on the next tick.</param>
    /// <param name="callback">The work; pass what it needs as <paramref name="state"/> so it can be a static lambda.</param>
    /// <param name="state">The argument given to <paramref name="callback"/>.</param>
    /// <returns>A handle that cancels the work.</returns>
    /// <exception cref="ObjectDisposedException">The wheel has been disposed.</exception>
    public ICancelable Schedule(TimeSpan delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new CallbackEntry(callback, state, DeadlineAfter(delay), interval: 0));
    }

    /// <summary>Runs <paramref name="callback"/> once, after <paramref name="delay"/>, allocating nothing but the entry.</summary>
    /// <param name="delay">How long to wait; zero or negative runs on the next tick.</param>
    /// <param name="callback">The work.</param>
    /// <returns>A handle that cancels the work.</returns>
    /// <exception cref="ObjectDisposedException">The wheel has been disposed.</exception>
    public ICancelable Schedule(TimeSpan delay, IScheduledCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new CallbackEntry(callback, state: null, DeadlineAfter(delay), interval: 0));
    }

    /// <summary>
    /// Runs <paramref name="callback"/>(<paramref name="state"/>) after <paramref name="initialDelay"/> and then
    /// every <paramref name="interval"/>, until cancelled.
    /// </summary>
    /// <param name="initialDelay">How long to wait before the first run; zero or negative runs on the next tick.</param>
    /// <param name="interval">The period between deadlines; must be positive.</param>
    /// <param name="callback">The work; pass what it needs as <paramref name="state"/> so it can be a static lambda.</param>
    /// <param name="state">The argument given to <paramref name="callback"/>.</param>
    /// <returns>A handle that cancels every later run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    /// <exception cref="ObjectDisposedException">The wheel has been disposed.</exception>
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new CallbackEntry(callback, state, DeadlineAfter(initialDelay), ValidInterval(interval)));
    }

    /// <summary>
    /// Runs <paramref name="callback"/> after <paramref name="initialDelay"/> and then every
    /// <paramref name="interval"/>, until cancelled, allocating nothing but the entry.
    /// </summary>
    /// <param name="initialDelay">How long to wait before the first run; zero or negative runs on the next tick.</param>
    /// <param name="interval">The period between deadlines; must be positive.</param>
    /// <param name="callback">The work.</param>
    /// <returns>A handle that cancels every later run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    /// <exception cref="ObjectDisposedException">The wheel has been disposed.</exception>
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IScheduledCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new CallbackEntry(callback, state: null, DeadlineAfter(initialDelay), ValidInterval(interval)));
    }

    /// <summary>Schedules an entry that is its own callback and handle (a keyed timer), allocating nothing.</summary>
    /// <param name="entry">A new entry of a type derived from <see cref="WheelEntry"/>.</param>
    /// <param name="initialDelay">How long to wait before the first run; zero or negative runs on the next tick.</param>
    /// <param name="interval">The period between runs; null for one run.</param>
    /// <param name="exact">Run it at its deadline rather than at the end of its tick; single runs only.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException">An exact entry has an interval.</exception>
    /// <exception cref="ObjectDisposedException">The wheel has been disposed.</exception>
    internal void Schedule(WheelEntry entry, TimeSpan initialDelay, TimeSpan? interval, bool exact = false)
    {
        if (exact && interval is not null)
        {
            throw new ArgumentException("Only single runs can be exact.", nameof(exact));
        }

        entry.Arm(DeadlineAfter(initialDelay), interval is { } period ? ValidInterval(period) : 0, exact);
        Add(entry);
    }

    /// <summary>
    /// Stops the driving timer and cancels every entry that has not run. When called from another
    /// thread while a tick is running, waits for that tick to finish; when called from a callback,
    /// the entries after it in the same tick do not run.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _driver.Dispose();
        lock (_tickGate)
        {
            CancelChain(Interlocked.Exchange(ref _pending, null));
            for (var i = 0; i < _heads.Length; i++)
            {
                CancelChain(_heads[i]);
                _heads[i] = null;
                _tails[i] = null;
            }

            foreach (var entry in _due)
            {
                entry.Cancel();
            }

            foreach (var (entry, _) in _exact.UnorderedItems)
            {
                entry.Cancel();
            }

            _exact.Clear();
        }
    }

    private static long ValidInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval of repeated work must be positive.");
        }

        return Math.Min(interval.Ticks, MaxDelayTicks);
    }

    private static void CancelChain(WheelEntry? entry)
    {
        while (entry is not null)
        {
            var next = entry.Next;
            entry.Next = null;
            entry.Cancel();
            entry = next;
        }
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private long Elapsed() => _timeProvider.GetElapsedTime(_startTimestamp).Ticks;

    private long DeadlineAfter(TimeSpan delay) => Elapsed() + Math.Clamp(delay.Ticks, 0, MaxDelayTicks);

    private WheelEntry Add(WheelEntry entry)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        WheelEntry? head;
        do
        {
            head = Volatile.Read(ref _pending);
            entry.Next = head;
        }
        while (Interlocked.CompareExchange(ref _pending, entry, head) != head);

        // Dispose sets the flag before it takes the pending stack, so an entry pushed after that
        // is seen here and must not be left looking alive in a wheel that will never run it.
        if (IsDisposed)
        {
            entry.Cancel();
            throw new ObjectDisposedException(GetType().FullName);
        }

        return entry;
    }

    private void OnDriverTick()
    {
        var ownsPass = false;
        var nextWake = long.MaxValue;
        try
        {
            RunEndedTicks(ref ownsPass, ref nextWake);
        }
        finally
        {
            // Outside the gate: a driver armed for a tick that has already ended fires at once, and
            // that wake must find the gate free. Re-armed even if the pass failed, or the wheel stops.
            if (ownsPass)
            {
                ArmDriver(nextWake);
            }
        }
    }

    /// <summary>
    /// Processes every tick that has ended and every exact entry that is due; <paramref name="ownsPass"/>
    /// says whether this wake made the pass, and <paramref name="nextWake"/> when the driver should wake next.
    /// </summary>
    private void RunEndedTicks(ref bool ownsPass, ref long nextWake)
    {
        if (!_tickGate.TryEnter())
        {
            // Another wake is still working; it re-reads the clock and re-arms the driver when it is done.
            return;
        }

        try
        {
            // The gate is re-entrant, so a callback that somehow wakes the driver on its own thread
            // must not start a nested pass over the wheel (the outer pass re-arms the driver).
            if (_inTick)
            {
                return;
            }

            ownsPass = true;
            _inTick = true;
            try
            {
                long current;
                while (!IsDisposed && (current = Elapsed() / _tickTicks) > _processedTick)
                {
                    while (_processedTick < current && !IsDisposed)
                    {
                        ProcessTick(_processedTick + 1);
                        _processedTick++;
                    }
                }

                // Between two tick boundaries only exact entries can be due.
                CollectExactDue(Elapsed());
                RunDue(_processedTick);
            }
            finally
            {
                _inTick = false;
                nextWake = NextWake();
            }
        }
        finally
        {
            _tickGate.Exit();
        }
    }

    /// <summary>The end of the first tick not yet processed, or the earliest exact deadline if that comes sooner.</summary>
    private long NextWake()
    {
        var nextTickEnd = (_processedTick + 1) * _tickTicks;
        while (_exact.TryPeek(out var first, out _) && first.IsCancellationRequested)
        {
            _exact.Dequeue();
        }

        return _exact.TryPeek(out var earliest, out _) ? Math.Min(earliest.Deadline, nextTickEnd) : nextTickEnd;
    }

    /// <summary>Arms the one-shot driver for <paramref name="wakeAt"/> (elapsed ticks of the wheel's clock).</summary>
    private void ArmDriver(long wakeAt)
    {
        if (IsDisposed || wakeAt == long.MaxValue)
        {
            return;
        }

        // Whole milliseconds, rounded up: the system's timers count in milliseconds and truncate, so
        // a due time of 9.7 ms would wake before the boundary and then again and again until it passed.
        var untilWake = wakeAt - Elapsed();
        var dueTime = TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(untilWake, 0) / (double)TimeSpan.TicksPerMillisecond));
        try
        {
            _driver.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the call: nothing is left to drive.
        }
    }

    private void ProcessTick(long tick)
    {
        TransferPending(tick);
        CollectDue(tick);
        CollectExactDue(tick * _tickTicks);
        RunDue(tick);
    }

    /// <summary>Moves the exact entries whose deadline is at or before <paramref name="until"/> to the due list.</summary>
    private void CollectExactDue(long until)
    {
        while (_exact.TryPeek(out var entry, out _) && entry.Deadline <= until)
        {
            _exact.Dequeue();
            if (!entry.IsCancellationRequested)
            {
                _due.Add(entry);
            }
        }
    }

    /// <summary>Runs the due list in deadline order; <paramref name="tick"/> is the tick being processed (or the last one, between ticks).</summary>
    private void RunDue(long tick)
    {
        if (_due.Count == 0)
        {
            return;
        }

        if (!IsSortedByDeadline(_due))
        {
            _due.Sort(_byDeadline);
        }

        try
        {
            foreach (var entry in _due)
            {
                if (IsDisposed)
                {
                    break;
                }

                if (entry.IsCancellationRequested)
                {
                    continue;
                }

                try
                {
                    entry.Run();
                }
                catch (Exception exception)
                {
                    SchedulerLog.ScheduledCallbackFailed(_logger, tick, exception);
                }

                if (entry.Interval != 0 && !entry.IsCancellationRequested && !IsDisposed)
                {
                    Reschedule(entry, tick);
                }
            }
        }
        finally
        {
            _due.Clear();
        }
    }

    private void TransferPending(long tick)
    {
        // The stack holds the newest entry first; reverse it so entries are placed in the order they were scheduled.
        var entry = Interlocked.Exchange(ref _pending, null);
        WheelEntry? oldestFirst = null;
        while (entry is not null)
        {
            var next = entry.Next;
            entry.Next = oldestFirst;
            oldestFirst = entry;
            entry = next;
        }

        while (oldestFirst is not null)
        {
            var next = oldestFirst.Next;
            oldestFirst.Next = null;
            if (!oldestFirst.IsCancellationRequested)
            {
                PlaceOrQueueExact(oldestFirst, tick);
            }

            oldestFirst = next;
        }
    }

    /// <summary>An exact entry due after this tick waits in the deadline queue; everything else goes into its bucket.</summary>
    private void PlaceOrQueueExact(WheelEntry entry, long tick)
    {
        if (entry.IsExact && entry.Deadline > tick * _tickTicks)
        {
            entry.Sequence = _sequence++;
            _exact.Enqueue(entry, entry);
        }
        else
        {
            Place(entry, tick);
        }
    }

    private void Place(WheelEntry entry, long earliestTick)
    {
        // The first tick that ends at or after the deadline, but never one already processed.
        var dueTick = (entry.Deadline + _tickTicks - 1) / _tickTicks;
        entry.DueTick = Math.Max(dueTick, earliestTick);
        entry.Sequence = _sequence++;
        var bucket = (int)(entry.DueTick & _mask);
        if (_tails[bucket] is { } tail)
        {
            tail.Next = entry;
        }
        else
        {
            _heads[bucket] = entry;
        }

        _tails[bucket] = entry;
    }

    private void CollectDue(long tick)
    {
        var bucket = (int)(tick & _mask);
        WheelEntry? kept = null;
        var entry = _heads[bucket];
        while (entry is not null)
        {
            var next = entry.Next;
            var cancelled = entry.IsCancellationRequested;
            if (cancelled || entry.DueTick <= tick)
            {
                if (kept is null)
                {
                    _heads[bucket] = next;
                }
                else
                {
                    kept.Next = next;
                }

                entry.Next = null;
                if (!cancelled)
                {
                    _due.Add(entry);
                }
            }
            else
            {
                kept = entry;
            }

            entry = next;
        }

        _tails[bucket] = kept;
    }

    private void Reschedule(WheelEntry entry, long tick)
    {
        var tickEnd = tick * _tickTicks;
        var next = entry.Deadline + entry.Interval;
        if (next <= tickEnd)
        {
            // Only an interval shorter than a tick lands here: skip to the first period after this
            // tick, staying on the original grid so the phase does not drift.
            next += ((tickEnd - next) / entry.Interval + 1) * entry.Interval;
        }

        entry.Deadline = next;
        Place(entry, tick + 1);
    }

    private static bool IsSortedByDeadline(List<WheelEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (WheelEntry.CompareByDeadline(entries[i - 1], entries[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
