using System.Threading.Tasks.Dataflow;
using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// Tell throughput between pairs of actors that bounce one ball back and forth, against pairs of
/// <c>ActionBlock&lt;Ball&gt;</c> that do the same. One ball per pair is in flight, so every message
/// wakes an idle receiver: this is the latency-bound cost of a tell, schedule and run. With two or
/// more pairs both cores are busy. Each operation is one message; the pairs share
/// <see cref="RoundTripsPerInvoke"/> round trips evenly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(ThroughputConfig))]
public class PingPongBenchmarks
{
    private const int RoundTripsPerInvoke = 200_000;
    private const int MessagesPerInvoke = 2 * RoundTripsPerInvoke;

    private readonly CountdownEvent _rallyOver = new(1);
    private ActorSystem? _system;
    private IActorRef[] _pingers = [];
    private BlockPinger[] _blockPingers = [];
    private ActionBlock<Ball>[] _blocks = [];

    /// <summary>How many pairs rally at the same time.</summary>
    [Params(1, 2, 8)]
    public int Pairs { get; set; }

    [GlobalSetup(Target = nameof(ActionBlockPairs))]
    public void SetUpBlocks()
    {
        _blockPingers = new BlockPinger[Pairs];
        _blocks = new ActionBlock<Ball>[2 * Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var pinger = new BlockPinger(_rallyOver);
            var ping = new ActionBlock<Ball>(pinger.Receive);
            var pong = new ActionBlock<Ball>(ball => ping.Post(ball));
            pinger.Partner = pong;
            _blockPingers[i] = pinger;
            _blocks[2 * i] = ping;
            _blocks[(2 * i) + 1] = pong;
        }
    }

    [GlobalSetup(Target = nameof(ActorPairs))]
    public void SetUpActors()
    {
        _system = ActorSystem.Create("ping-pong");
        _pingers = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var ponger = _system.ActorOf(Props.Create(() => new Ponger()), $"ponger-{i}");
            _pingers[i] = _system.ActorOf(Props.Create(() => new Pinger(ponger, _rallyOver)), $"pinger-{i}");
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        foreach (var block in _blocks)
        {
            block.Complete();
        }

        _system?.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvoke)]
    public void ActionBlockPairs()
    {
        _rallyOver.Reset(Pairs);
        foreach (var pinger in _blockPingers)
        {
            pinger.Serve(RoundTripsPerInvoke / Pairs);
        }

        _rallyOver.Wait();
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public void ActorPairs()
    {
        _rallyOver.Reset(Pairs);
        var serve = new Serve(RoundTripsPerInvoke / Pairs);
        foreach (var pinger in _pingers)
        {
            pinger.Tell(serve, ActorRefs.NoSender);
        }

        _rallyOver.Wait();
    }
}
