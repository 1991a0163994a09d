using ActorTcp.Configuration;
using ActorTcp.Draining;
using ActorTcp.Hosting;
using Microsoft.Extensions.Options;

namespace ActorTcp.Host.Admin;

/// <summary>
/// The one way the host drains its TCP server, whether a signal or <c>POST /api/drain</c> asks: the
/// phase turns to draining first, so <c>/readyz</c> stops answering ready before any connection is
/// told to close. A second request gets the first drain's report.
/// </summary>
internal sealed class ServerDrain(ActorTcpServerAccessor accessor, IOptions<ActorTcpOptions> options)
{
    private int _phase = (int)DrainPhase.Serving;

    /// <summary>The current phase.</summary>
    public DrainPhase Phase => (DrainPhase)Volatile.Read(ref _phase);

    /// <summary>Whether the server takes new connections: started and not draining.</summary>
    public bool IsReady => accessor.IsStarted && Phase == DrainPhase.Serving;

    /// <summary>Drains within <c>drain.timeout</c>; null when the server is not running.</summary>
    /// <param name="cancellationToken">Cancels the wait; the drain goes on.</param>
    public async Task<DrainReport?> DrainAsync(CancellationToken cancellationToken)
    {
        if (!accessor.IsStarted)
        {
            return null;
        }

        Interlocked.CompareExchange(ref _phase, (int)DrainPhase.Draining, (int)DrainPhase.Serving);
        var report = await accessor.Server.DrainAsync(options.Value.Drain.Timeout, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _phase, (int)DrainPhase.Drained);
        return report;
    }
}
