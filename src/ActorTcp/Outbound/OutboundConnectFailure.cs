using System.Net.Sockets;

namespace ActorTcp.Outbound;

/// <summary>One dial that did not connect.</summary>
/// <param name="Attempt">0 for the first dial, otherwise the redial's number.</param>
/// <param name="Error">
/// Why: <see cref="SocketError.ConnectionRefused"/> (nothing listens), <see cref="SocketError.TimedOut"/>
/// (<c>outbound.connect-timeout</c> passed), <see cref="SocketError.HostNotFound"/> (the name did not
/// resolve), or another socket error.
/// </param>
public sealed record OutboundConnectFailure(int Attempt, SocketError Error);
