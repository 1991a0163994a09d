using System.Net;
using ActorTcp.Host.Admin;
using ActorTcp.Host.Admin.Prometheus;
using ActorTcp.Host.Configuration;
using ActorTcp.Hosting;
using ActorTcp.Lifecycle;
using ActorTcp.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActorTcp.Host.Cli;

/// <summary>
/// The process <c>serve</c> runs: one web application holding the TCP server (<c>AddActorTcp</c>) and
/// the admin API on Kestrel, logging through Serilog, stopped by <see cref="SignalLifetime"/>.
/// </summary>
internal static class ServeHost
{
    /// <summary>Room past <c>drain.timeout</c> for the drain's own resets and for Kestrel to stop.</summary>
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(15);

    /// <summary>Builds the application from a configuration that <see cref="ResolvedConfiguration.CanServe"/>.</summary>
    public static WebApplication Build(ResolvedConfiguration resolved, Serilog.ILogger logger)
    {
        var options = resolved.Options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host serves exactly the configuration it checked: no appsettings.json or ASPNETCORE_ variables beside it.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(resolved.Configuration!);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Admin.Host), options.Admin.Port));

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.Drain.Timeout + StopMargin);
        builder.Services.AddSingleton<IHostLifetime, SignalLifetime>();

        // HostPolicy has refused names the catalog does not know, so the lookup finds one.
        HandlerCatalog.TryGet(options.Handler.Name, out var handler);
        builder.Services.AddActorTcp(tcp => tcp.UseHandler(handler));
        builder.Services.AddSingleton<ServerDrain>();
        builder.Services.AddSingleton(new AdminToken(options.Admin.Token));
        builder.Services.AddHostedService<DrainOnStop>();
        builder.Services.AddSingleton(_ => new MeterCollector(ActorTcpMetrics.MeterName).WithZeroSeries(
            "actortcp.connections", "state", Enum.GetNames<LifecycleState>().Where(state => state != nameof(LifecycleState.Closed))));

        var app = builder.Build();

        // Listening starts before the server makes its instruments, so no measurement is missed.
        app.Services.GetRequiredService<MeterCollector>();
        app.MapAdminEndpoints();
        return app;
    }
}
