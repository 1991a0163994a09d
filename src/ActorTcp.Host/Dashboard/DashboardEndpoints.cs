using ActorTcp.Hosting;
using ActorTcp.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Host.Dashboard;

/// <summary>Maps the live dashboard onto the admin endpoint.</summary>
/// <example>
/// <code>
/// var app = builder.Build();
/// app.MapDashboard(app.Services.GetRequiredService&lt;ActorTcpServerAccessor&gt;());
/// </code>
/// </example>
public static class DashboardEndpoints
{
    /// <summary>
    /// Maps <c>GET /</c> (the page, self-contained) and <c>GET /api/events</c> (Server-Sent Events,
    /// one per sample interval) for <paramref name="server"/>. The page's close, abort and drain
    /// buttons call the admin API's <c>POST /api/connections/{id}/close?mode=graceful|abort</c> and
    /// <c>POST /api/drain</c>, which are not mapped here. Sampling starts when the application has
    /// started and stops when it begins to stop.
    /// </summary>
    /// <param name="endpoints">The admin application.</param>
    /// <param name="server">The server the dashboard shows.</param>
    /// <param name="options">Sample interval, history length, table size; null for the defaults.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints, TcpServer server, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Map(endpoints, () => server, options);
    }

    /// <summary>
    /// The same for the server that <c>AddActorTcp</c> starts with the host: the dashboard samples it
    /// while it runs and shows its last sample while it does not.
    /// </summary>
    /// <param name="endpoints">The admin application.</param>
    /// <param name="tcp">The hosted server's accessor.</param>
    /// <param name="options">Sample interval, history length, table size; null for the defaults.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints, ActorTcpServerAccessor tcp, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        return Map(endpoints, () => tcp.IsStarted ? tcp.Server : null, options);
    }

    private static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints, Func<TcpServer?> server, DashboardOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new DashboardOptions();
        options.Validate();

        var services = endpoints.ServiceProvider;
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(DashboardEndpoints).FullName!);
        var collector = new DashboardMeterCollector();
        var sampler = new DashboardSampler(
            cancellationToken => server() is { } running ? running.GetConnectionsAsync(null, cancellationToken) : null,
            collector.Read,
            options,
            logger);
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            // Sampling runs while the application does. Open event streams never end by themselves;
            // they must end when stopping begins or the host would wait its whole shutdown timeout.
            lifetime.ApplicationStarted.Register(sampler.Start);
            lifetime.ApplicationStopping.Register(sampler.Stop);
            lifetime.ApplicationStopped.Register(collector.Dispose);
        }
        else
        {
            sampler.Start();
        }

        endpoints.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(DashboardPage.Bytes, "text/html; charset=utf-8");
        });
        endpoints.MapGet("/api/events", (HttpContext context) => DashboardEventStream.ServeAsync(context, sampler, options));
        return endpoints;
    }
}
