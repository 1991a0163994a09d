namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// Work a <see cref="HashedWheelTimer"/> runs when it is due, for callers that want to schedule
/// without allocating a delegate or closure (for example a reusable timer-message object).
/// </summary>
public interface IScheduledCallback
{
    /// <summary>Runs the work on the wheel's tick thread. It should be short and must not block.</summary>
    void Run();
}
