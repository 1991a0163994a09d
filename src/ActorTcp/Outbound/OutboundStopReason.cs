namespace ActorTcp.Outbound;

/// <summary>Why an outbound connection stopped for good.</summary>
public enum OutboundStopReason
{
    /// <summary>The application closed it (<see cref="OutboundConnectionHandle.CloseAsync"/> or disposing the manager).</summary>
    Closed,

    /// <summary><c>outbound.reconnect.max-attempts</c> redials failed in a row, or reconnecting is off.</summary>
    GaveUp,

    /// <summary>Its actor was stopped from outside, e.g. because the actor system terminated.</summary>
    Terminated,
}
