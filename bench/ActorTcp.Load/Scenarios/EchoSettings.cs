using System.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>echo</c> does.</summary>
/// <param name="Target">The server.</param>
/// <param name="Connections">Connections, each with its own pipeline.</param>
/// <param name="Duration">The measured window.</param>
/// <param name="Warmup">Load before the window, not measured.</param>
/// <param name="Size">Bytes per message, the line end included (every server gets the same bytes).</param>
/// <param name="Pipeline">Messages in flight per connection.</param>
internal sealed record EchoSettings(IPEndPoint Target, int Connections, TimeSpan Duration, TimeSpan Warmup, int Size, int Pipeline);
