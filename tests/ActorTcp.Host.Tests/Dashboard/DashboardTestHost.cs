using System.Collections.Concurrent;
using ActorTcp.Configuration;
using ActorTcp.Host.Admin;
using ActorTcp.Host.Admin.Prometheus;
using ActorTcp.Hosting;
using ActorTcp.Metrics;
using ActorTcp.Server;
using ActorTcp.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// The host's admin application (its API, metrics and the dashboard, composed as <c>serve</c> does it) on a real
/// Kestrel port, with the TCP server on loopback, plus the test's peers.
/// </summary>
public sealed class DashboardTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<PeerClient> _peers = [];

    private DashboardTestHost(WebApplication app, ConcurrentDictionary<int, bool> heldPorts)
    {
        _app = app;
        HeldPorts = heldPorts;
        Server = app.Services.GetRequiredService<ActorTcpServerAccessor>().Server;
        BaseAddress = app.Urls.Single() + "/";
    }

    public TcpServer Server { get; }

    /// <summary>The dashboard's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseAddress { get; }

    /// <summary>Peers whose connections the server keeps in CLOSE_WAIT after their FIN.</summary>
    public ConcurrentDictionary<int, bool> HeldPorts { get; }

    /// <param name="adminToken">The <c>admin.token</c> the mutating endpoints require; null for none.</param>
    /// <param name="configure">Changes to the TCP server's options.</param>
    /// <param name="compose">Middleware added to the admin application before its endpoints.</param>
    public static async Task<DashboardTestHost> StartAsync(
        string? adminToken = null,
        Action<ActorTcpOptions>? configure = null,
        Action<WebApplication>? compose = null)
    {
        var heldPorts = new ConcurrentDictionary<int, bool>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddActorTcp(tcp => tcp
            .UseHandler(_ => new CloseWaitHoldingHandler(heldPorts))
            .Configure(options =>
            {
                options.Listen.Host = "127.0.0.1";
                options.Listen.Port = 0;
                options.Teardown.CloseWaitTimeout = TimeSpan.FromMinutes(2);
                options.Drain.Timeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(options);
            }));
        builder.Services.AddSingleton<ServerDrain>();
        builder.Services.AddSingleton(new AdminToken(adminToken ?? string.Empty));
        builder.Services.AddHostedService<DrainOnStop>();
        builder.Services.AddSingleton(_ => new MeterCollector(ActorTcpMetrics.MeterName));

        var app = builder.Build();
        compose?.Invoke(app);
        app.MapAdminEndpoints();
        await app.StartAsync();
        return new DashboardTestHost(app, heldPorts);
    }

    public async Task<IReadOnlyList<PeerClient>> ConnectAsync(int count, bool answerPings = false)
    {
        var peers = new List<PeerClient>();
        for (var i = 0; i < count; i++)
        {
            peers.Add(await PeerClient.ConnectAsync(Server.Port, answerPings));
        }

        _peers.AddRange(peers);

        // Accepting is asynchronous: a peer is connected before the server has listed it.
        var ports = peers.Select(peer => peer.LocalPort).ToHashSet();
        await Eventually.TrueAsync(
            async () => (await Server.GetConnectionsAsync()).Count(c => ports.Contains(c.RemoteEndPoint.Port)) == count,
            $"the server lists the {count} new connections", Eventually.ProcessTimeout);
        return peers;
    }

    /// <summary>The id the server gave to <paramref name="peer"/>'s connection.</summary>
    public async Task<long> IdOfAsync(PeerClient peer)
    {
        var connections = await Server.GetConnectionsAsync();
        return connections.Single(c => c.RemoteEndPoint.Port == peer.LocalPort).Id;
    }

    /// <summary>Stops the application (the hosted server drains), then lets go of the peers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _peers.ForEach(peer => peer.Dispose());
    }
}
