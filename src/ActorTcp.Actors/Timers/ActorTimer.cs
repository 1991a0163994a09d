namespace ActorTcp.Actors.Timers;

/// <summary>
/// One started keyed timer. It is at the same time the wheel's callback and the envelope told to the
/// actor on every tick: the owner delivers <see cref="Message"/> only while this very instance is the
/// key's current timer, so reference identity serves as the generation, and a tick costs no allocation.
/// </summary>
internal sealed class ActorTimer(TimerScheduler owner, object key, object message, bool isSingle) : Scheduling.IScheduledCallback
{
    public TimerScheduler Owner => owner;

    public object Key => key;

    public object Message => message;

    /// <summary>True for a single timer, which ends once its message is delivered.</summary>
    public bool IsSingle => isSingle;

    /// <summary>The wheel entry; cancelled when the timer is cancelled or replaced.</summary>
    public Scheduling.ICancelable? Handle { get; set; }

    /// <summary>Runs on the wheel's thread: enqueues this envelope, from the actor to itself.</summary>
    public void Run() => owner.Self.Tell(this, owner.Self);

    public override string ToString() => $"Timer({key}, {message})";
}
