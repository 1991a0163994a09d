using ActorTcp.Configuration;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Lifecycle;

/// <summary>
/// Plays the connection actor's part in virtual time: applies events, keeps the status, and records
/// every close notification and the running state timer.
/// </summary>
public sealed class LifecycleDriver
{
    private readonly ConnectionLifecycle _lifecycle;

    public LifecycleDriver(TeardownOptions? teardown = null) =>
        _lifecycle = new ConnectionLifecycle(teardown ?? new TeardownOptions());

    public LifecycleStatus Status { get; private set; } = LifecycleStatus.Established;

    public TimeSpan Now { get; private set; }

    public LifecycleTimer? RunningTimer { get; private set; }

    public List<ConnectionClosed> Published { get; } = [];

    public List<LifecycleDecision> Decisions { get; } = [];

    public LifecycleDecision Apply(LifecycleEvent @event)
    {
        var decision = _lifecycle.Decide(Status, @event, Now);
        Status = decision.Next;
        Decisions.Add(decision);
        if (decision.Has(LifecycleActions.StartTimer))
        {
            RunningTimer = decision.Timer;
        }

        if (decision.Has(LifecycleActions.CancelTimer))
        {
            RunningTimer = null;
        }

        if (decision.Has(LifecycleActions.PublishClosed))
        {
            Published.Add(decision.Closed!.Value);
        }

        return decision;
    }

    /// <summary>Moves virtual time to the running timer's deadline and delivers its event.</summary>
    public LifecycleDecision FireTimer()
    {
        var timer = RunningTimer ?? throw new InvalidOperationException("No state timer is running.");
        Now = timer.DueAt;
        RunningTimer = null;
        return Apply(timer.Kind switch
        {
            LifecycleTimerKind.CloseWait => LifecycleEvent.CloseWaitExpired.Instance,
            LifecycleTimerKind.PeerCloseGrace => LifecycleEvent.PeerCloseGraceExpired.Instance,
            LifecycleTimerKind.FinWait => LifecycleEvent.FinWaitExpired.Instance,
            _ => throw new InvalidOperationException($"Unexpected timer {timer.Kind}."),
        });
    }

    public void Advance(TimeSpan by) => Now += by;
}
