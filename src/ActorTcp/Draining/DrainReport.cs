namespace ActorTcp.Draining;

/// <summary>
/// How a drain went: how the connections that were open when it began were closed, and how long it
/// took. <see cref="PeerClosedFirst"/> closes left no TIME_WAIT on this host; <see cref="LocalClosedFirst"/>
/// closes did (our FIN went first); <see cref="Reset"/> closes left none on either side but may have
/// cut off unsent data.
/// </summary>
/// <param name="Connections">Connections open when the drain began.</param>
/// <param name="PeerClosedFirst">Closed after the peer's FIN (the peer holds TIME_WAIT).</param>
/// <param name="LocalClosedFirst">Closed with our FIN first (this host holds TIME_WAIT).</param>
/// <param name="Reset">Closed by RST, either side's, including those aborted at the deadline and connections whose actor stopped without a close notice.</param>
/// <param name="AbortedAtDeadline">Still open at the drain deadline and therefore reset.</param>
/// <param name="Elapsed">From the start of the drain until the last connection closed.</param>
public sealed record DrainReport(
    int Connections,
    int PeerClosedFirst,
    int LocalClosedFirst,
    int Reset,
    int AbortedAtDeadline,
    TimeSpan Elapsed);
