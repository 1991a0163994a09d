using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// A one-shot timer whose callback runs on a thread of its own: the driver of a
/// <see cref="HashedWheelTimer"/> on the system clock.
/// </summary>
/// <remarks>
/// <para>
/// A timer from <see cref="TimeProvider.System"/> is fired by the runtime's timer thread, which hands
/// the callback to the thread pool; re-arming it wakes the timer thread again. At a wheel's 100
/// ticks a second that is three or four thread wakes a tick, and the pool worker spins before it
/// parks: an idle server with nothing due spent about 3.5 % of a core on it. This thread sleeps until
/// the due time and runs the callback itself, one wake a tick. The wheel's own callbacks are short
/// and tell actors, whose turns still run on the pool. (Netty's and Akka's wheels keep a thread of
/// their own for the same reason.)
/// </para>
/// <para>
/// Only <see cref="Change"/> with an infinite period is supported: the wheel re-arms its driver
/// after every wake. The thread holds the callback's state weakly, so a wheel nobody disposed can
/// still be collected, and the thread ends at its next wake.
/// </para>
/// </remarks>
internal sealed class WheelDriverThread : ITimer
{
    /// <summary>The name the thread shows in debuggers, <c>top -H</c> and <c>/proc/PID/task/*/comm</c> (15 characters at most).</summary>
    internal const string ThreadName = "ActorTcp wheel";

    private const long NotArmed = long.MaxValue;

    private readonly TimerCallback _callback;
    private readonly WeakReference<object> _state;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _dueTimestamp = NotArmed;
    private bool _disposed;

    /// <summary>Starts the thread, unarmed.</summary>
    /// <param name="callback">The work to run on each wake; it receives <paramref name="state"/>.</param>
    /// <param name="state">The callback's argument, held weakly.</param>
    public WheelDriverThread(TimerCallback callback, object state)
    {
        _callback = callback;
        _state = new WeakReference<object>(state);
        _thread = new Thread(static self => ((WheelDriverThread)self!).Run())
        {
            IsBackground = true,
            Name = ThreadName,
        };

        // Unsafe: the thread must not carry its creator's async-local state into every callback.
        _thread.UnsafeStart(this);
    }

    /// <summary>Gets the thread that runs the callback (for tests that wait for it to end).</summary>
    internal Thread Thread => _thread;

    /// <summary>Arms the timer to run the callback once after <paramref name="dueTime"/>, replacing any earlier arming.</summary>
    /// <param name="dueTime">How long from now; <see cref="Timeout.InfiniteTimeSpan"/> disarms it.</param>
    /// <param name="period">Must be <see cref="Timeout.InfiniteTimeSpan"/>: the timer is one-shot.</param>
    /// <returns><see langword="false"/> once the timer is disposed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period is given, or the due time is negative.</exception>
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The wheel's driver is one-shot; it is re-armed after each wake.");
        }

        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must not be negative.");
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _dueTimestamp = dueTime == Timeout.InfiniteTimeSpan
                ? NotArmed
                : Stopwatch.GetTimestamp() + (long)(dueTime.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));

            // From another thread this may bring the wake forward; from the callback, nobody waits.
            Monitor.Pulse(_gate);
            return true;
        }
    }

    /// <summary>Stops the thread; a callback already running finishes, and none starts after this returns.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Run()
    {
        while (WaitUntilDue())
        {
            if (!RunCallbackIfAlive())
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs the callback if its state is still alive; false once the wheel was collected without
    /// being disposed. A method of its own so that no reference to the state stays in the frame of
    /// <see cref="Run"/> while the thread sleeps.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RunCallbackIfAlive()
    {
        if (!_state.TryGetTarget(out var state))
        {
            return false;
        }

        _callback(state);
        return true;
    }

    /// <summary>Sleeps until the armed time has come; <see langword="false"/> when the timer is disposed.</summary>
    private bool WaitUntilDue()
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                if (_dueTimestamp == NotArmed)
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _dueTimestamp);
                if (remaining <= TimeSpan.Zero)
                {
                    _dueTimestamp = NotArmed;
                    return true;
                }

                // Rounded up to whole milliseconds, the wait's resolution, so the wake is never early.
                Monitor.Wait(_gate, (int)Math.Min(Math.Ceiling(remaining.TotalMilliseconds), int.MaxValue));
            }

            return false;
        }
    }
}
