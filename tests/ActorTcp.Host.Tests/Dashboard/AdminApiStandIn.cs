using ActorTcp.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// The admin API's two mutating endpoints as the page calls them, with the admin token rule
/// (<c>Authorization: Bearer</c>, required only when a token is set), so the page is tested against
/// the contract until the host's own admin application is composed with the dashboard.
/// </summary>
public static class AdminApiStandIn
{
    public static IEndpointRouteBuilder MapAdminStandIn(this IEndpointRouteBuilder endpoints, TcpServer server, string? token)
    {
        endpoints.MapPost("/api/connections/{id:long}/close", async (long id, string? mode, HttpContext context) =>
        {
            if (!Authorized(context, token))
            {
                return Results.Unauthorized();
            }

            CloseMode? closeMode = mode switch
            {
                null or "graceful" => CloseMode.Graceful,
                "abort" => CloseMode.Abort,
                _ => null,
            };
            if (closeMode is null)
            {
                return Results.BadRequest();
            }

            return await server.CloseAsync(id, closeMode.Value) ? Results.Accepted() : Results.NotFound();
        });
        endpoints.MapPost("/api/drain", async (HttpContext context) =>
        {
            if (!Authorized(context, token))
            {
                return Results.Unauthorized();
            }

            var report = await server.DrainAsync();
            return Results.Ok(new { report.Connections, report.PeerClosedFirst });
        });
        return endpoints;
    }

    private static bool Authorized(HttpContext context, string? token) =>
        token is null || context.Request.Headers.Authorization.ToString() == "Bearer " + token;
}
