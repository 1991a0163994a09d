using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorTcp.Metrics;

namespace ActorTcp.Tests.Limits;

/// <summary>
/// Gives one server its own meter (through a meter factory that is the meter's scope) and records the
/// rejections measured on that meter only, so tests running side by side do not see each other's.
/// </summary>
internal sealed class RejectionRecorder : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _reasons = new();

    public RejectionRecorder()
    {
        Metrics = new ActorTcpMetrics(this);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this) && instrument.Name == "actortcp.connections.rejected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    for (var i = 0; i < value; i++)
                    {
                        _reasons.Enqueue((string)tag.Value!);
                    }
                }
            }
        });
        _listener.Start();
    }

    public ActorTcpMetrics Metrics { get; }

    public IReadOnlyList<string> Reasons => [.. _reasons];

    public Meter Create(MeterOptions options)
    {
        options.Scope = this;
        return new Meter(options);
    }

    public void Dispose() => _listener.Dispose();
}
