using System.Diagnostics.Metrics;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Metrics;

/// <summary>
/// The instruments of the <c>ActorTcp</c> meter (System.Diagnostics.Metrics): readable by
/// dotnet-counters, by a <see cref="MeterListener"/> and by the host's Prometheus endpoint. One
/// instance per server; recording with no listener attached costs a flag check.
/// </summary>
public sealed class ActorTcpMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ActorTcp";

    // Tag values are allocated once: recording must not allocate per event.
    private static readonly string[] StateNames = Enum.GetNames<LifecycleState>();
    private static readonly string[] ReasonNames = Enum.GetNames<CloseReason>();
    private static readonly string[] FirstByNames = Enum.GetNames<ClosedFirstBy>();

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _closed;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _closeWaitDwell;
    private readonly Counter<long> _heartbeatsSent;
    private readonly Counter<long> _heartbeatsMissed;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private readonly Counter<long> _framesIn;
    private readonly Counter<long> _framesOut;
    private readonly UpDownCounter<long> _writeQueueBytes;

    /// <summary>Creates the instruments on a meter of their own, or on one from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory when there is one (dependency injection).</param>
    public ActorTcpMetrics(IMeterFactory? meterFactory = null)
        : this(meterFactory?.Create(MeterName) ?? new Meter(MeterName))
    {
    }

    /// <summary>Creates the instruments on <paramref name="meter"/>, which the instance owns from now on.</summary>
    /// <param name="meter">The meter; a name other than <see cref="MeterName"/> keeps the instruments out of every listener that follows ours.</param>
    internal ActorTcpMetrics(Meter meter)
    {
        _meter = meter;
        _connections = _meter.CreateUpDownCounter<long>("actortcp.connections", "{connection}", "Open connections by lifecycle state.");
        _accepted = _meter.CreateCounter<long>("actortcp.connections.accepted", "{connection}", "Connections accepted.");
        _rejected = _meter.CreateCounter<long>("actortcp.connections.rejected", "{connection}", "Connections refused at accept, by reason.");
        _closed = _meter.CreateCounter<long>("actortcp.connections.closed", "{connection}", "Connections closed, by reason and by the side that closed first.");
        _duration = _meter.CreateHistogram<double>("actortcp.connection.duration", "s", "How long connections lived.");
        _closeWaitDwell = _meter.CreateHistogram<double>("actortcp.close_wait.duration", "s", "How long connections stayed in CLOSE_WAIT after the peer's FIN.");
        _heartbeatsSent = _meter.CreateCounter<long>("actortcp.heartbeats.sent", "{ping}", "Heartbeat pings sent.");
        _heartbeatsMissed = _meter.CreateCounter<long>("actortcp.heartbeats.missed", "{ping}", "Heartbeat intervals that passed without a sign of life.");
        _bytesIn = _meter.CreateCounter<long>("actortcp.bytes.received", "By", "Bytes received.");
        _bytesOut = _meter.CreateCounter<long>("actortcp.bytes.sent", "By", "Bytes sent.");
        _framesIn = _meter.CreateCounter<long>("actortcp.frames.received", "{frame}", "Frames received.");
        _framesOut = _meter.CreateCounter<long>("actortcp.frames.sent", "{frame}", "Frames queued for sending.");
        _writeQueueBytes = _meter.CreateUpDownCounter<long>("actortcp.write_queue.bytes", "By", "Bytes waiting in write queues.");
    }

    /// <summary>A connection was accepted (it enters Established).</summary>
    public void ConnectionAccepted()
    {
        _accepted.Add(1);
        _connections.Add(1, StateTag(LifecycleState.Established));
    }

    /// <summary>A connection was refused at accept.</summary>
    /// <param name="reason">Why, e.g. <c>max-connections</c> or <c>max-connections-per-ip</c>.</param>
    public void ConnectionRejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A connection moved from one lifecycle state to another.</summary>
    /// <param name="from">The state it left.</param>
    /// <param name="to">The state it entered; <see cref="LifecycleState.Closed"/> is not counted as open.</param>
    public void StateChanged(LifecycleState from, LifecycleState to)
    {
        _connections.Add(-1, StateTag(from));
        if (to != LifecycleState.Closed)
        {
            _connections.Add(1, StateTag(to));
        }
    }

    /// <summary>A connection closed.</summary>
    /// <param name="closed">Why, and which side closed first.</param>
    /// <param name="lifetime">How long it lived.</param>
    public void ConnectionClosed(ConnectionClosed closed, TimeSpan lifetime)
    {
        _closed.Add(
            1,
            new KeyValuePair<string, object?>("reason", ReasonNames[(int)closed.Reason]),
            new KeyValuePair<string, object?>("closed_first_by", FirstByNames[(int)closed.FirstBy]));
        _duration.Record(lifetime.TotalSeconds);
    }

    /// <summary>A connection left CLOSE_WAIT after <paramref name="dwell"/>.</summary>
    /// <param name="dwell">The time from the peer's FIN to our close.</param>
    public void CloseWaitEnded(TimeSpan dwell) => _closeWaitDwell.Record(dwell.TotalSeconds);

    /// <summary>A heartbeat ping was sent.</summary>
    public void HeartbeatSent() => _heartbeatsSent.Add(1);

    /// <summary>A heartbeat interval passed without a sign of life.</summary>
    public void HeartbeatMissed() => _heartbeatsMissed.Add(1);

    /// <summary>Bytes were received.</summary>
    /// <param name="count">How many.</param>
    public void BytesReceived(int count) => _bytesIn.Add(count);

    /// <summary>Bytes were sent.</summary>
    /// <param name="count">How many.</param>
    public void BytesSent(int count) => _bytesOut.Add(count);

    /// <summary>A frame was received.</summary>
    public void FrameReceived() => _framesIn.Add(1);

    /// <summary>A frame was queued for sending.</summary>
    public void FrameSent() => _framesOut.Add(1);

    /// <summary>The write queues grew or shrank.</summary>
    /// <param name="delta">The change in queued bytes.</param>
    public void WriteQueueChanged(long delta) => _writeQueueBytes.Add(delta);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> StateTag(LifecycleState state) => new("state", StateNames[(int)state]);
}
