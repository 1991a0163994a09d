using System.Collections.Concurrent;
using System.Threading.Tasks.Dataflow;
using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// Bytes per idle actor, mailbox included, against idle <c>ActionBlock&lt;Ball&gt;</c> instances
/// with the same per-actor state. The global setup creates <see cref="IdleActors"/> of them, has
/// each process one message (so any lazily allocated queue segment is counted), waits until they
/// are idle, and records the growth of <c>GC.GetTotalMemory(true)</c> divided by their number; the
/// figure appears in the <see cref="RetainedBytesColumn"/> columns. <c>Actors</c> are
/// <see cref="ReceiveActor"/>s (the usual kind, with a handler table), <c>UntypedActors</c> the same
/// counter without one. The timed operation wakes every
/// idle actor with one message and waits until all have processed it; each operation is one actor.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FootprintConfig))]
public class IdleActorBenchmarks
{
    /// <summary>How many idle actors (or blocks) are measured.</summary>
    public const int IdleActors = 100_000;

    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    private readonly CountdownEvent _processed = new(1);
    private ActorSystem? _system;
    private IActorRef[] _actors = [];
    private ActionBlock<Ball>[] _blocks = [];

    /// <summary>Retained bytes per idle actor by benchmark method name, filled by the global setups.</summary>
    public static ConcurrentDictionary<string, double> RetainedBytesPerActor { get; } = new();

    [GlobalSetup(Target = nameof(ActionBlocks))]
    public void SetUpBlocks()
    {
        _blocks = new ActionBlock<Ball>[IdleActors];
        GrowThreadPoolQueue();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = new ActionBlock<Ball>(new MessageCounter(_processed, 1).Receive);
        }

        ActionBlocks();
        RetainedBytesPerActor[nameof(ActionBlocks)] = RetainedPerActorSince(before);
    }

    [GlobalSetup(Target = nameof(Actors))]
    public void SetUpActors() => CreateIdleActors(nameof(Actors), Props.Create(() => new CountingActor(_processed, 1)));

    [GlobalSetup(Target = nameof(UntypedActors))]
    public void SetUpUntypedActors() => CreateIdleActors(nameof(UntypedActors), Props.Create(() => new UntypedCountingActor(_processed, 1)));

    [GlobalCleanup]
    public void CleanUp()
    {
        foreach (var block in _blocks)
        {
            block.Complete();
        }

        _blocks = [];
        _system?.Terminate().Wait();
        _system = null;
        _actors = [];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = IdleActors)]
    public void ActionBlocks()
    {
        _processed.Reset(IdleActors);
        foreach (var block in _blocks)
        {
            block.Post(Ball.Instance);
        }

        _processed.Wait();
    }

    [Benchmark(OperationsPerInvoke = IdleActors)]
    public void Actors() => WakeActors();

    [Benchmark(OperationsPerInvoke = IdleActors)]
    public void UntypedActors() => WakeActors();

    private void CreateIdleActors(string benchmark, Props props)
    {
        _system = ActorSystem.Create("idle");
        _actors = new IActorRef[IdleActors];
        GrowThreadPoolQueue();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < _actors.Length; i++)
        {
            _actors[i] = _system.ActorOf(props);
        }

        WakeActors();
        RetainedBytesPerActor[benchmark] = RetainedPerActorSince(before);
    }

    private void WakeActors()
    {
        _processed.Reset(IdleActors);
        foreach (var actor in _actors)
        {
            actor.Tell(Ball.Instance, ActorRefs.NoSender);
        }

        _processed.Wait();
    }

    /// <summary>
    /// Waking every actor at once queues that many work items on the thread pool, whose global
    /// queue then keeps its largest segment (about 2 MB for 100,000 items). Growing it before the
    /// first reading keeps that segment out of the per-actor figure.
    /// </summary>
    private static void GrowThreadPoolQueue()
    {
        using var drained = new CountdownEvent(IdleActors);
        for (var i = 0; i < IdleActors; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static countdown => countdown.Signal(), drained, preferLocal: false);
        }

        drained.Wait();
    }

    private static double RetainedPerActorSince(long before)
    {
        // The count is signalled inside the last handler; let every run hand its thread back first.
        Thread.Sleep(SettleTime);
        return (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / IdleActors;
    }
}
