using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// The <see cref="IScheduler"/> of one <see cref="ActorSystem"/>: a thin front over its
/// <see cref="HashedWheelTimer"/>, which the system disposes when it terminates.
/// </summary>
internal sealed class WheelScheduler : IScheduler, IDisposable
{
    private readonly HashedWheelTimer _wheel;

    public WheelScheduler(TimeProvider timeProvider, TimeSpan tickDuration, int ticksPerWheel, ILogger logger)
    {
        _wheel = new HashedWheelTimer(timeProvider, tickDuration, ticksPerWheel, logger);
    }

    public void ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        ScheduleTellOnceCancelable(delay, receiver, message, sender);

    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        Schedule(delay, NewTell(receiver, message, sender));

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender) =>
        ScheduleTellRepeatedlyCancelable(initialDelay, interval, receiver, message, sender);

    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender) =>
        ScheduleRepeatedly(initialDelay, interval, NewTell(receiver, message, sender));

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return _wheel.Schedule(delay, static state => ((Action)state!)(), action);
        }
        catch (ObjectDisposedException)
        {
            return Cancelable.Cancelled;
        }
    }

    /// <summary>Runs <paramref name="callback"/> once; after termination returns a cancelled handle instead of throwing.</summary>
    public ICancelable Schedule(TimeSpan delay, IScheduledCallback callback)
    {
        try
        {
            return _wheel.Schedule(delay, callback);
        }
        catch (ObjectDisposedException)
        {
            // The system has terminated: whatever the work would have told is a dead letter anyway.
            return Cancelable.Cancelled;
        }
    }

    /// <summary>Runs <paramref name="callback"/> repeatedly; after termination returns a cancelled handle instead of throwing.</summary>
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IScheduledCallback callback)
    {
        try
        {
            return _wheel.ScheduleRepeatedly(initialDelay, interval, callback);
        }
        catch (ObjectDisposedException)
        {
            return Cancelable.Cancelled;
        }
    }

    /// <summary>Schedules an entry that is its own callback and handle; after termination the entry is cancelled instead.</summary>
    public void Schedule(WheelEntry entry, TimeSpan initialDelay, TimeSpan? interval, bool exact = false)
    {
        try
        {
            _wheel.Schedule(entry, initialDelay, interval, exact);
        }
        catch (ObjectDisposedException)
        {
            entry.Cancel();
        }
    }

    public void Dispose() => _wheel.Dispose();

    private static ScheduledTell NewTell(IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);

        // Fixed now: a null sender must not later be read as "the actor running on the wheel's thread".
        return new ScheduledTell(receiver, message, sender ?? ActorRefs.NoSender);
    }
}
