using System.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>churn</c> does.</summary>
/// <param name="Target">The server.</param>
/// <param name="Workers">Connections in progress at once.</param>
/// <param name="Duration">How long to keep opening connections.</param>
/// <param name="Size">Bytes of the one request, the line end included.</param>
/// <param name="ServerCloses">The server ends each connection after its reply; the client closes on the goodbye or the server's FIN.</param>
/// <param name="Settle">Pause after the last connection before the kernel's socket table is read.</param>
internal sealed record ChurnSettings(IPEndPoint Target, int Workers, TimeSpan Duration, int Size, bool ServerCloses, TimeSpan Settle);
