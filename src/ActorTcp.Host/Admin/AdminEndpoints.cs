using Microsoft.AspNetCore.Routing;

namespace ActorTcp.Host.Admin;

/// <summary>Every endpoint of the admin HTTP API, mapped in one place.</summary>
internal static class AdminEndpoints
{
    /// <summary>Maps the admin API onto <paramref name="endpoints"/>.</summary>
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapConnectionsApi();
    }
}
