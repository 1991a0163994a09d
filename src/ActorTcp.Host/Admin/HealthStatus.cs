namespace ActorTcp.Host.Admin;

/// <summary>The body of <c>/healthz</c> and <c>/readyz</c>, e.g. <c>{"status":"ready","phase":"serving"}</c>.</summary>
/// <param name="Status">healthy, ready or not ready.</param>
/// <param name="Phase">serving, draining or drained.</param>
internal sealed record HealthStatus(string Status, string Phase);
