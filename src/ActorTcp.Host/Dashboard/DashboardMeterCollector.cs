using System.Diagnostics.Metrics;
using ActorTcp.Metrics;
using ActorTcp.Teardown;

namespace ActorTcp.Host.Dashboard;

/// <summary>
/// Listens to the <c>ActorTcp</c> meter and keeps running totals of the counters the dashboard
/// charts. Totals only: the sampler turns them into rates by difference, so a measurement costs one
/// interlocked add and nothing is buffered. It hears every <c>ActorTcp</c> meter in the process,
/// which is the host's one server.
/// </summary>
internal sealed class DashboardMeterCollector : IDisposable
{
    private static readonly string[] ReasonNames = Enum.GetNames<CloseReason>();
    private static readonly string[] FirstByNames = Enum.GetNames<ClosedFirstBy>();

    private readonly MeterListener _listener = new();
    private readonly long[] _closedByReason = new long[ReasonNames.Length];
    private readonly long[] _closedFirstBy = new long[FirstByNames.Length];
    private long _accepted;
    private long _rejected;
    private long _heartbeatsSent;
    private long _heartbeatsMissed;

    public DashboardMeterCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ActorTcpMetrics.MeterName && CounterOf(instrument.Name) is { } counter)
            {
                listener.EnableMeasurementEvents(instrument, counter);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The counters the dashboard keeps, named so the callback does not compare strings per measurement.</summary>
    private enum Counter
    {
        Accepted,
        Rejected,
        Closed,
        HeartbeatsSent,
        HeartbeatsMissed,
    }

    /// <summary>The totals so far.</summary>
    public DashboardTotals Read()
    {
        var byReason = new long[_closedByReason.Length];
        for (var i = 0; i < byReason.Length; i++)
        {
            byReason[i] = Volatile.Read(ref _closedByReason[i]);
        }

        var firstBy = new long[_closedFirstBy.Length];
        for (var i = 0; i < firstBy.Length; i++)
        {
            firstBy[i] = Volatile.Read(ref _closedFirstBy[i]);
        }

        return new DashboardTotals(
            Volatile.Read(ref _accepted),
            Volatile.Read(ref _rejected),
            byReason,
            firstBy,
            Volatile.Read(ref _heartbeatsSent),
            Volatile.Read(ref _heartbeatsMissed));
    }

    public void Dispose() => _listener.Dispose();

    private static Counter? CounterOf(string instrumentName) => instrumentName switch
    {
        "actortcp.connections.accepted" => Counter.Accepted,
        "actortcp.connections.rejected" => Counter.Rejected,
        "actortcp.connections.closed" => Counter.Closed,
        "actortcp.heartbeats.sent" => Counter.HeartbeatsSent,
        "actortcp.heartbeats.missed" => Counter.HeartbeatsMissed,
        _ => null,
    };

    private static int IndexOf(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string[] names)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key && tag.Value is string value)
            {
                return Array.IndexOf(names, value);
            }
        }

        return -1;
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch ((Counter)state!)
        {
            case Counter.Accepted:
                Interlocked.Add(ref _accepted, value);
                break;
            case Counter.Rejected:
                Interlocked.Add(ref _rejected, value);
                break;
            case Counter.HeartbeatsSent:
                Interlocked.Add(ref _heartbeatsSent, value);
                break;
            case Counter.HeartbeatsMissed:
                Interlocked.Add(ref _heartbeatsMissed, value);
                break;
            case Counter.Closed:
                if (IndexOf(tags, "reason", ReasonNames) is var reason and >= 0)
                {
                    Interlocked.Add(ref _closedByReason[reason], value);
                }

                if (IndexOf(tags, "closed_first_by", FirstByNames) is var firstBy and >= 0)
                {
                    Interlocked.Add(ref _closedFirstBy[firstBy], value);
                }

                break;
        }
    }
}
