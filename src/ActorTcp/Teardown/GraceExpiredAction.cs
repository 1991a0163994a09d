namespace ActorTcp.Teardown;

/// <summary>
/// What to do when the peer did not close within <c>teardown.peer-close-grace</c>
/// (key <c>teardown.on-grace-expired</c>).
/// </summary>
public enum GraceExpiredAction
{
    /// <summary>Close gracefully with our own FIN; this host then holds TIME_WAIT.</summary>
    Fin,

    /// <summary>Reset the connection: nothing is held on either side, unsent data is lost.</summary>
    Rst,
}
