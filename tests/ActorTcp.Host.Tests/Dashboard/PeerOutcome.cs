namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>How a test peer's connection ended, as the peer saw it.</summary>
public enum PeerOutcome
{
    /// <summary>The server sent FIN (end of stream).</summary>
    EndOfStream,

    /// <summary>The server sent its goodbye line and the peer closed first.</summary>
    Goodbye,

    /// <summary>The server reset the connection.</summary>
    Reset,
}
