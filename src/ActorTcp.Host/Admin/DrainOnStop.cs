using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Admin;

/// <summary>
/// Drains the TCP server when the host begins to stop, before any hosted service stops: the admin API
/// thus keeps answering (<c>/readyz</c> 503, <c>/metrics</c> showing the closes) until the drain ends,
/// and only then does Kestrel stop.
/// </summary>
internal sealed partial class DrainOnStop(ServerDrain drain, ILogger<DrainOnStop> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogDraining();
        try
        {
            await drain.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out; the server resets what is left when it is disposed.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Stopping: not ready any more, draining connections")]
    private partial void LogDraining();
}
