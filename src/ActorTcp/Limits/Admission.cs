namespace ActorTcp.Limits;

/// <summary>The verdict on a newly accepted connection.</summary>
internal enum Admission
{
    /// <summary>Under every limit: the connection gets its actor.</summary>
    Admitted,

    /// <summary><c>limits.max-connections</c> connections are open already.</summary>
    OverMaxConnections,

    /// <summary><c>limits.max-connections-per-ip</c> connections from the same address are open already.</summary>
    OverMaxConnectionsPerIp,
}
