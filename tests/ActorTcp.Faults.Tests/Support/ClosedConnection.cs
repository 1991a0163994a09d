using System.Net;
using ActorTcp.Teardown;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>One connection's end as its handler was told, with when (on the test's stopwatch).</summary>
public sealed record ClosedConnection(IPEndPoint RemoteEndPoint, ConnectionClosed Closed, TimeSpan At);
