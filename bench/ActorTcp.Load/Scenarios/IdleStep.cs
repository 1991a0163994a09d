namespace ActorTcp.Load.Scenarios;

/// <summary>One reading of the server's memory with <see cref="Connections"/> open.</summary>
/// <param name="Connections">Connections open at the reading.</param>
/// <param name="RssBytes">Server RSS (-1 without a server PID).</param>
/// <param name="HeapBytes">Server managed heap after a full collection (-1 without a stats port).</param>
/// <param name="RssPerConnection">RSS above the empty baseline, per connection.</param>
/// <param name="HeapPerConnection">Heap above the empty baseline, per connection.</param>
internal sealed record IdleStep(int Connections, long RssBytes, long HeapBytes, double RssPerConnection, double HeapPerConnection);
