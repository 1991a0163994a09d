using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Handlers;
using ActorTcp.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorTcp.Hosting;

/// <summary>
/// Starts the <see cref="TcpServer"/> with the host, and on host stop drains it within the host's
/// shutdown timeout (never longer than <c>drain.timeout</c>), disposes it and terminates the actor system.
/// </summary>
internal sealed partial class ActorTcpHostedService : IHostedService
{
    private readonly ActorSystem _system;
    private readonly IOptions<ActorTcpOptions> _options;
    private readonly IOptions<HostOptions> _hostOptions;
    private readonly Func<IConnectionHandler> _handlerFactory;
    private readonly ActorTcpServerAccessor _accessor;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;

    public ActorTcpHostedService(
        ActorSystem system,
        IOptions<ActorTcpOptions> options,
        IOptions<HostOptions> hostOptions,
        Func<IConnectionHandler> handlerFactory,
        ActorTcpServerAccessor accessor,
        ILoggerFactory loggerFactory)
    {
        _system = system;
        _options = options;
        _hostOptions = hostOptions;
        _handlerFactory = handlerFactory;
        _accessor = accessor;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger<ActorTcpHostedService>();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var server = await TcpServer.StartAsync(_system, _options.Value, _handlerFactory, _loggerFactory, cancellationToken)
            .ConfigureAwait(false);
        _accessor.Set(server);
        LogStarted(server.EndPoint.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = _accessor.IsStarted ? _accessor.Server : null;
        try
        {
            if (server is not null)
            {
                // The host abandons stopping services after its shutdown timeout, so a drain longer than
                // that would be cut short without the remaining connections being reset.
                var drainTimeout = TimeSpan.FromTicks(Math.Min(_options.Value.Drain.Timeout.Ticks, _hostOptions.Value.ShutdownTimeout.Ticks));
                var report = await server.DrainAsync(drainTimeout, cancellationToken).ConfigureAwait(false);
                LogDrained(report.ToString());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The drain goes on and resets what is left at its deadline; disposing below waits for that.
            LogShutdownTimedOut();
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                _accessor.Set(null);
            }

            await _system.Terminate().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ActorTcp server listening on {EndPoint}")]
    private partial void LogStarted(string endPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ActorTcp server drained: {DrainReport}")]
    private partial void LogDrained(string drainReport);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The host's shutdown timeout ran out before the ActorTcp drain ended; the remaining connections are reset")]
    private partial void LogShutdownTimedOut();
}
