namespace ActorTcp.Teardown;

/// <summary>
/// How to end a connection whose peer misbehaves: a protocol error, bad input or a slow consumer
/// (key <c>teardown.protocol-error</c>).
/// </summary>
public enum BadPeerAction
{
    /// <summary>Reset at once, flushing nothing: a misbehaving peer gets no further resources.</summary>
    Rst,

    /// <summary>Send FIN (without flushing queued writes) and wait <c>fin-wait-timeout</c> for the peer's FIN.</summary>
    Fin,
}
