namespace ActorTcp.Lifecycle;

/// <summary>The timer that bounds each closing state.</summary>
public enum LifecycleTimerKind
{
    /// <summary>No timer.</summary>
    None,

    /// <summary>Bounds <see cref="LifecycleState.PeerClosed"/>; fires <see cref="LifecycleEvent.CloseWaitExpired"/>.</summary>
    CloseWait,

    /// <summary>Bounds <see cref="LifecycleState.CloseRequested"/>; fires <see cref="LifecycleEvent.PeerCloseGraceExpired"/>.</summary>
    PeerCloseGrace,

    /// <summary>Bounds <see cref="LifecycleState.Closing"/>; fires <see cref="LifecycleEvent.FinWaitExpired"/>.</summary>
    FinWait,
}
