namespace ActorTcp.Load.Scenarios;

/// <summary>What the checks at each dead peer's limit found.</summary>
/// <param name="InTime">Sockets already gone when checked at their limit.</param>
/// <param name="Late">Sockets still there when checked after their limit: certainly late.</param>
/// <param name="Unchecked">Sockets the lookup could not find even before the cut.</param>
/// <param name="MedianLagSeconds">For the sockets gone, how long after its limit the check ended: the median.</param>
/// <param name="MaxLagSeconds">The same, at most: every release counted in time happened by its limit + this.</param>
/// <param name="MedianOvershootSeconds">For the late sockets, how long after its limit each was first seen gone: the median.</param>
/// <param name="MaxOvershootSeconds">The same, at most; infinite when one was still there <see cref="DeadPeerLimitCheck.GiveUpAfter"/> after its limit.</param>
internal readonly record struct DeadPeerVerdict(
    int InTime, int Late, int Unchecked, double MedianLagSeconds, double MaxLagSeconds, double MedianOvershootSeconds, double MaxOvershootSeconds);
