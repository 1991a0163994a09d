using ActorTcp.Connections;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Dashboard;

/// <summary>
/// Samples the server once per interval for every open page together: one query of the connections
/// and one read of the meter totals per tick, however many pages watch. Keeps the recent samples so
/// a page that opens late draws the last minutes at once.
/// </summary>
internal sealed class DashboardSampler : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<ConnectionSnapshot>>?> _connections;
    private readonly Func<DashboardTotals> _totals;
    private readonly DashboardOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<DashboardSample> _history = new();
    private readonly List<DashboardSubscription> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private DashboardTick? _latest;
    private DashboardTotals _previousTotals;
    private long _previousTimestamp;
    private bool _failing;
    private Task _loop = Task.CompletedTask;

    public DashboardSampler(
        Func<CancellationToken, Task<IReadOnlyList<ConnectionSnapshot>>?> connections,
        Func<DashboardTotals> totals,
        DashboardOptions options,
        ILogger logger)
    {
        _connections = connections;
        _totals = totals;
        _options = options;
        _logger = logger;
        _previousTotals = totals();
        _previousTimestamp = options.TimeProvider.GetTimestamp();
    }

    /// <summary>Cancelled when the sampler stops; open event streams end with it.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Takes the first sample now and one per interval after it, until stopped.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (!_stop.IsCancellationRequested)
            {
                _loop = RunAsync(_stop.Token);
            }
        }
    }

    /// <summary>Takes one sample and publishes it to every subscriber.</summary>
    /// <returns>False when the server is not running or could not be asked (the pages keep their last sample).</returns>
    public async Task<bool> SampleAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ConnectionSnapshot> connections;
        try
        {
            if (_connections(cancellationToken) is not { } query)
            {
                return false;
            }

            connections = await query.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                _failing = true;
                DashboardLog.SampleFailed(_logger, exception);
            }

            return false;
        }

        if (_failing)
        {
            _failing = false;
            DashboardLog.SampleRecovered(_logger);
        }

        var totals = _totals();
        var timestamp = _options.TimeProvider.GetTimestamp();
        var elapsed = _options.TimeProvider.GetElapsedTime(_previousTimestamp, timestamp);
        var sample = DashboardSample.From(_options.TimeProvider.GetUtcNow(), elapsed, connections, _previousTotals, totals);
        _previousTotals = totals;
        _previousTimestamp = timestamp;

        var rows = connections.Take(_options.MaxConnectionRows).Select(ConnectionRow.From).ToArray();
        Publish(new DashboardTick(sample, rows));
        return true;
    }

    /// <summary>Subscribes a page: it gets the history and latest tick now, and every tick after.</summary>
    public DashboardSubscription Subscribe()
    {
        lock (_gate)
        {
            var subscription = new DashboardSubscription(_history.ToArray(), _latest, Unsubscribe);
            if (_stop.IsCancellationRequested)
            {
                subscription.Complete();
            }
            else
            {
                _subscribers.Add(subscription);
            }

            return subscription;
        }
    }

    /// <summary>Stops sampling and ends every subscription; the event streams then end.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            foreach (var subscriber in _subscribers)
            {
                subscriber.Complete();
            }

            _subscribers.Clear();
        }
    }

    /// <summary>Stops, and waits for a sample in progress to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.SampleInterval, _options.TimeProvider);
            do
            {
                await SampleAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: nothing more to sample.
        }
    }

    private void Publish(DashboardTick tick)
    {
        lock (_gate)
        {
            _latest = tick;
            _history.Enqueue(tick.Sample);
            while (_history.Count > _options.HistoryLength)
            {
                _history.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Publish(tick);
            }
        }
    }

    private void Unsubscribe(DashboardSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
