using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Hosting.Tests;

/// <summary>A worker of the embedding service that reads the running server's snapshots.</summary>
public sealed partial class ConnectionCountReporter(ActorTcpServerAccessor tcp, ILogger<ConnectionCountReporter> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(stoppingToken) && tcp.IsStarted)
        {
            var connections = await tcp.Server.GetConnectionsAsync(cancellationToken: stoppingToken);
            LogConnections(connections.Count);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Connections} connections open")]
    private partial void LogConnections(int connections);
}
