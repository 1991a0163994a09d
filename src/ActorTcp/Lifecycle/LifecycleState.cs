namespace ActorTcp.Lifecycle;

/// <summary>
/// The states of a connection as the application sees them; the kernel's TCP state is given for
/// each. Every state except <see cref="Closed"/> is ended by a timer.
/// </summary>
public enum LifecycleState
{
    /// <summary>[ESTABLISHED] Both directions open; bounded by the heartbeat or idle timer.</summary>
    Established,

    /// <summary>[CLOSE_WAIT] The peer sent FIN; we may still write; bounded by <c>close-wait-timeout</c>.</summary>
    PeerClosed,

    /// <summary>
    /// [ESTABLISHED] We want to close but asked the peer to close first (goodbye sent), still
    /// reading; bounded by <c>peer-close-grace</c>.
    /// </summary>
    CloseRequested,

    /// <summary>[FIN_WAIT_1/2] We sent FIN and wait for the peer's FIN; bounded by the fin-wait timeout.</summary>
    Closing,

    /// <summary>The socket is released and the single close notification has been published.</summary>
    Closed,
}
