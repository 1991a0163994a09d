namespace ActorTcp.Tests.Support;

/// <summary>How the server ended a connection, as the client saw it.</summary>
public enum ClientOutcome
{
    /// <summary>A read returned 0: the server sent FIN.</summary>
    EndOfStream,

    /// <summary>A read failed with ECONNRESET: the server sent RST.</summary>
    Reset,
}
