using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTcp.Host.Admin;

/// <summary>
/// <c>GET /healthz</c> (the process answers: liveness) and <c>GET /readyz</c> (the server takes new
/// connections: 503 from the moment a drain begins).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (ServerDrain drain) =>
            Results.Json(new HealthStatus("healthy", PhaseName(drain.Phase))));
        endpoints.MapGet("/readyz", (ServerDrain drain) => drain.IsReady
            ? Results.Json(new HealthStatus("ready", PhaseName(drain.Phase)))
            : Results.Json(new HealthStatus("not ready", PhaseName(drain.Phase)), statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }

    private static string PhaseName(DrainPhase phase) => phase.ToString().ToLowerInvariant();
}
