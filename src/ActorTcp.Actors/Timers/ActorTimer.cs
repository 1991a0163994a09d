namespace ActorTcp.Actors.Timers;

/// <summary>
/// One started keyed timer. It is at the same time the wheel's entry (and so its own cancel handle),
/// the wheel's callback and the envelope told to the actor on every tick: the owner delivers <see cref="Message"/> only while this very instance is the
/// key's current timer, so reference identity serves as the generation, and a tick costs no allocation.
/// </summary>
internal sealed class ActorTimer(TimerScheduler owner, object key, object message, bool isSingle) : Scheduling.WheelEntry
{
    public TimerScheduler Owner => owner;

    public object Key => key;

    public object Message => message;

    /// <summary>True for a single timer, which ends once its message is delivered.</summary>
    public bool IsSingle => isSingle;

    /// <summary>Runs on the wheel's thread: enqueues this envelope, from the actor to itself.</summary>
    public override void Run() => owner.Self.Tell(this, owner.Self);

    public override string ToString() => $"Timer({key}, {message})";
}
