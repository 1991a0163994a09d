using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors.Timers;

/// <summary>
/// The <see cref="ITimerScheduler"/> of one actor cell. As a cell interceptor it unwraps the ticks of
/// current timers and drops stale ones, and cancels everything on restart and stop. One instance
/// serves every incarnation of the actor.
/// </summary>
/// <remarks>
/// Connection actors hold one timer each, by the ten thousand, so the common one-key case lives in a
/// single field and the dictionary is made only when a second key is started. Everything here runs
/// on the actor's own turn, except the timer's run on the wheel's thread, which reads only immutable fields.
/// </remarks>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler, ICellInterceptor
{
    private ActorTimer? _single;
    private Dictionary<object, ActorTimer>? _many;

    public IActorRef Self => cell.Self;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) =>
        Start(key, message, timeout, interval: null);

    public void StartExactSingleTimer(object key, object message, TimeSpan timeout) =>
        Start(key, message, timeout, interval: null, exact: true);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(key) is not null;
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Find(key) is { } timer)
        {
            timer.Cancel();
            Remove(key);
        }
    }

    public void CancelAll()
    {
        _single?.Cancel();
        if (_many is { } many)
        {
            foreach (var timer in many.Values)
            {
                timer.Cancel();
            }
        }

        _single = null;
        _many = null;
    }

    public object? BeforeReceive(object message)
    {
        if (message is not ActorTimer timer)
        {
            return message;
        }

        if (!ReferenceEquals(timer.Owner, this) || !ReferenceEquals(Find(timer.Key), timer))
        {
            return null;
        }

        if (timer.IsSingle)
        {
            Remove(timer.Key);
        }

        return timer.Message;
    }

    public void OnRestart() => CancelAll();

    public void OnStop() => CancelAll();

    private void Start(object key, object message, TimeSpan initialDelay, TimeSpan? interval, bool exact = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval of a periodic timer must be positive.");
        }

        Find(key)?.Cancel();
        var timer = new ActorTimer(this, key, message, isSingle: interval is null);
        cell.System.WheelScheduler.Schedule(timer, initialDelay, interval, exact);
        Store(timer);
    }

    private ActorTimer? Find(object key)
    {
        if (_many is { } many)
        {
            return many.GetValueOrDefault(key);
        }

        return _single is { } single && single.Key.Equals(key) ? single : null;
    }

    private void Store(ActorTimer timer)
    {
        if (_many is { } many)
        {
            many[timer.Key] = timer;
        }
        else if (_single is null || _single.Key.Equals(timer.Key))
        {
            _single = timer;
        }
        else
        {
            _many = new Dictionary<object, ActorTimer> { [_single.Key] = _single, [timer.Key] = timer };
            _single = null;
        }
    }

    private void Remove(object key)
    {
        if (_many is { } many)
        {
            many.Remove(key);
        }
        else if (_single is { } single && single.Key.Equals(key))
        {
            _single = null;
        }
    }
}
