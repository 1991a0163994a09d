namespace ActorTcp.Host.Admin;

/// <summary>Where the TCP server is on its way from serving to stopped, as <c>/readyz</c> reports it.</summary>
internal enum DrainPhase
{
    /// <summary>Accepting and serving connections.</summary>
    Serving,

    /// <summary>No longer accepting; open connections are being closed the TIME_WAIT-aware way.</summary>
    Draining,

    /// <summary>Every connection is closed; the process waits to be stopped.</summary>
    Drained,
}
