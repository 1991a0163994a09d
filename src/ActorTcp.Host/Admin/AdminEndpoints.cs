using ActorTcp.Host.Admin.Prometheus;
using ActorTcp.Host.Dashboard;
using ActorTcp.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTcp.Host.Admin;

/// <summary>Every endpoint of the admin HTTP API, mapped in one place.</summary>
internal static class AdminEndpoints
{
    /// <summary>Maps the admin API onto <paramref name="endpoints"/>.</summary>
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapMetricsEndpoint();
        endpoints.MapConnectionsApi();
        endpoints.MapDashboard(endpoints.ServiceProvider.GetRequiredService<ActorTcpServerAccessor>());
    }
}
