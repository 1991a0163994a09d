namespace ActorTcp.Teardown;

/// <summary>
/// The single notification published when a connection reaches <c>Closed</c>.
/// </summary>
/// <param name="Reason">Why the connection was closed.</param>
/// <param name="FirstBy">Which side closed first, i.e. who holds TIME_WAIT.</param>
public readonly record struct ConnectionClosed(CloseReason Reason, ClosedFirstBy FirstBy);
