using ActorTcp.Hosting;
using ActorTcp.Lifecycle;
using ActorTcp.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTcp.Host.Admin;

/// <summary>
/// The connections API under <c>/api</c>: list (filter by state, page with offset and limit), inspect,
/// send, close, broadcast, drain. When <c>admin.token</c> is set, every POST needs
/// <c>Authorization: Bearer &lt;token&gt;</c> and is refused with 401 without it.
/// </summary>
internal static class ConnectionsApi
{
    /// <summary>The page size when the caller gives none.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the API.</summary>
    public static IEndpointRouteBuilder MapConnectionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/connections", ListAsync);
        api.MapGet("/connections/{id:long}", GetAsync);

        var commands = api.MapGroup(string.Empty).AddEndpointFilter(RequireToken);
        commands.MapPost("/connections/{id:long}/send", SendAsync);
        commands.MapPost("/connections/{id:long}/close", CloseAsync);
        commands.MapPost("/broadcast", BroadcastAsync);
        commands.MapPost("/drain", DrainAsync);
        return endpoints;
    }

    private static async ValueTask<object?> RequireToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.RequestServices.GetService(typeof(AdminToken)) as AdminToken;
        if (token is null || token.Accepts(context.HttpContext.Request.Headers.Authorization))
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "this call needs Authorization: Bearer <admin.token>");
    }

    private static async Task<IResult> ListAsync(ActorTcpServerAccessor tcp, string? state, int? offset, int? limit, CancellationToken cancellationToken)
    {
        LifecycleState? filter = null;
        if (state is not null)
        {
            if (!LifecycleStateNames.TryParse(state, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, $"unknown state \"{state}\"; expected one of {LifecycleStateNames.All}");
            }

            filter = parsed;
        }

        var skip = offset ?? 0;
        var take = limit ?? DefaultLimit;
        if (skip < 0 || take is < 1 or > MaxLimit)
        {
            return Problem(StatusCodes.Status400BadRequest, $"expected offset >= 0 and limit from 1 to {MaxLimit}");
        }

        if (!tcp.IsStarted)
        {
            return NotServing();
        }

        var connections = await tcp.Server.GetConnectionsAsync(filter, cancellationToken).ConfigureAwait(false);
        var page = connections.Skip(skip).Take(take).Select(ConnectionView.Of).ToList();
        return Results.Json(new ConnectionPage(connections.Count, skip, take, page));
    }

    private static async Task<IResult> GetAsync(ActorTcpServerAccessor tcp, long id, CancellationToken cancellationToken)
    {
        if (!tcp.IsStarted)
        {
            return NotServing();
        }

        var connections = await tcp.Server.GetConnectionsAsync(null, cancellationToken).ConfigureAwait(false);
        return connections.FirstOrDefault(c => c.Id == id) is { } snapshot
            ? Results.Json(ConnectionView.Of(snapshot))
            : NotFound(id);
    }

    private static async Task<IResult> SendAsync(ActorTcpServerAccessor tcp, long id, FramePayload body, CancellationToken cancellationToken)
    {
        if (body.ToBytes(out var problem) is not { } payload)
        {
            return Problem(StatusCodes.Status400BadRequest, problem!);
        }

        if (!tcp.IsStarted)
        {
            return NotServing();
        }

        try
        {
            var result = await tcp.Server.SendAsync(id, payload, cancellationToken).ConfigureAwait(false);
            return Results.Json(new SendResult(result.ToString().ToLowerInvariant()));
        }
        catch (ConnectionNotFoundException)
        {
            return NotFound(id);
        }
    }

    private static async Task<IResult> CloseAsync(ActorTcpServerAccessor tcp, long id, string? mode, CancellationToken cancellationToken)
    {
        CloseMode closeMode;
        switch (mode?.ToLowerInvariant())
        {
            case null or "graceful":
                closeMode = CloseMode.Graceful;
                break;
            case "abort":
                closeMode = CloseMode.Abort;
                break;
            default:
                return Problem(StatusCodes.Status400BadRequest, $"unknown mode \"{mode}\"; expected graceful or abort");
        }

        if (!tcp.IsStarted)
        {
            return NotServing();
        }

        return await tcp.Server.CloseAsync(id, closeMode, cancellationToken).ConfigureAwait(false)
            ? Results.Accepted(value: new CloseResult(id, closeMode.ToString().ToLowerInvariant()))
            : NotFound(id);
    }

    private static async Task<IResult> BroadcastAsync(ActorTcpServerAccessor tcp, FramePayload body, CancellationToken cancellationToken)
    {
        if (body.ToBytes(out var problem) is not { } payload)
        {
            return Problem(StatusCodes.Status400BadRequest, problem!);
        }

        if (!tcp.IsStarted)
        {
            return NotServing();
        }

        var told = await tcp.Server.BroadcastAsync(payload, cancellationToken).ConfigureAwait(false);
        return Results.Json(new BroadcastResult(told));
    }

    private static async Task<IResult> DrainAsync(ServerDrain drain, CancellationToken cancellationToken) =>
        await drain.DrainAsync(cancellationToken).ConfigureAwait(false) is { } report
            ? Results.Json(report)
            : NotServing();

    private static IResult NotFound(long id) =>
        Problem(StatusCodes.Status404NotFound, $"no open connection has id {id}");

    private static IResult NotServing() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "the TCP server is not running");

    private static IResult Problem(int status, string error) => Results.Json(new ApiError(error), statusCode: status);
}
