using ActorTcp.Connections;

namespace ActorTcp.Outbound;

/// <summary>An outbound connection at one moment.</summary>
/// <param name="Target">Where it dials, as <c>host:port</c>.</param>
/// <param name="State">The supervisor's state.</param>
/// <param name="Attempt">0 while connected or on the first dial, otherwise the number of the current or next redial.</param>
/// <param name="Connects">How many times it has connected so far.</param>
/// <param name="BufferedFrames">Frames held for the next connect.</param>
/// <param name="BufferedBytes">Their payload bytes.</param>
/// <param name="Connection">The live connection's figures while <see cref="OutboundState.Connected"/> or closing; otherwise null.</param>
public sealed record OutboundSnapshot(
    string Target,
    OutboundState State,
    int Attempt,
    int Connects,
    int BufferedFrames,
    long BufferedBytes,
    ConnectionSnapshot? Connection);
