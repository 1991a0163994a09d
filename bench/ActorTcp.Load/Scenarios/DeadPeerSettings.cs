namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>deadpeer</c> does.</summary>
/// <param name="ServerPort">The server's port; it must listen on every address (0.0.0.0).</param>
/// <param name="Connections">Peers that go dead together.</param>
/// <param name="Budget">The server's configured detection budget (heartbeat interval + timeout × max-missed).</param>
/// <param name="Tick">The server's timer tick, the allowed lateness beyond the budget.</param>
/// <param name="Observe">How long to watch before giving up on the rest.</param>
internal sealed record DeadPeerSettings(int ServerPort, int Connections, TimeSpan Budget, TimeSpan Tick, TimeSpan Observe);
