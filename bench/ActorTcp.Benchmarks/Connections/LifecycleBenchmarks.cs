using ActorTcp.Configuration;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>The lifecycle decider on whole closing paths; each path is a few decisions and allocates nothing.</summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private static readonly LifecycleEvent Drain = new LifecycleEvent.CloseRequested(CloseReason.Drain);
    private static readonly LifecycleEvent Close = new LifecycleEvent.CloseRequested(CloseReason.LocalClose);

    private readonly ConnectionLifecycle _lifecycle = new(new TeardownOptions());

    /// <summary>Peer half-closes, handler closes, queue flushes: three decisions.</summary>
    [Benchmark(Baseline = true)]
    public LifecycleStatus PeerHalfClose()
    {
        var now = TimeSpan.FromSeconds(1);
        var status = LifecycleStatus.Established;
        status = _lifecycle.Decide(status, LifecycleEvent.PeerFinReceived.Instance, now).Next;
        status = _lifecycle.Decide(status, Close, now).Next;
        return _lifecycle.Decide(status, LifecycleEvent.WritesFlushed.Instance, now).Next;
    }

    /// <summary>Drain where the peer ignores the goodbye: grace, FIN, fin-wait reset — four decisions.</summary>
    [Benchmark]
    public LifecycleStatus DrainWithFallbacks()
    {
        var now = TimeSpan.FromSeconds(1);
        var status = LifecycleStatus.Established;
        status = _lifecycle.Decide(status, Drain, now).Next;
        status = _lifecycle.Decide(status, LifecycleEvent.PeerCloseGraceExpired.Instance, now).Next;
        status = _lifecycle.Decide(status, LifecycleEvent.FinWaitExpired.Instance, now).Next;
        return _lifecycle.Decide(status, LifecycleEvent.PeerFinReceived.Instance, now).Next;
    }
}
