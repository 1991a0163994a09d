using System.Threading.Tasks.Dataflow;
using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// How fast actors are created, against creating <c>ActionBlock&lt;Ball&gt;</c> instances with the
/// same per-actor state. An actor counts as created once its instance has been constructed (which
/// happens on the thread pool); a block is ready when its constructor returns. Each operation is
/// one actor. Every iteration starts from an empty system and a fresh array, and the cleanup
/// terminates the system or completes the blocks, so iterations do not accumulate.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(ThroughputConfig))]
public class ActorCreationBenchmarks
{
    private const int ActorsPerInvoke = 100_000;

    private readonly CountdownEvent _done = new(1);
    private readonly CountdownEvent _constructed = new(1);
    private readonly Props _props;
    private ActorSystem? _system;
    private IActorRef[] _actors = [];
    private ActionBlock<Ball>[] _blocks = [];

    public ActorCreationBenchmarks() => _props = Props.Create(() => new CountingActor(_done, 1, _constructed));

    [IterationSetup(Target = nameof(ActionBlocks))]
    public void SetUpBlocks() => _blocks = new ActionBlock<Ball>[ActorsPerInvoke];

    [IterationCleanup(Target = nameof(ActionBlocks))]
    public void CleanUpBlocks()
    {
        foreach (var block in _blocks)
        {
            block.Complete();
        }

        Task.WaitAll(Array.ConvertAll(_blocks, block => block.Completion));
        _blocks = [];
    }

    [IterationSetup(Target = nameof(Actors))]
    public void SetUpActors()
    {
        _system = ActorSystem.Create("creation");
        _actors = new IActorRef[ActorsPerInvoke];
        _constructed.Reset(ActorsPerInvoke);
    }

    [IterationCleanup(Target = nameof(Actors))]
    public void CleanUpActors()
    {
        _system!.Terminate().Wait();
        _system = null;
        _actors = [];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ActorsPerInvoke)]
    public void ActionBlocks()
    {
        var blocks = _blocks;
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new ActionBlock<Ball>(new MessageCounter(_done, 1).Receive);
        }
    }

    [Benchmark(OperationsPerInvoke = ActorsPerInvoke)]
    public void Actors()
    {
        var system = _system!;
        var actors = _actors;
        for (var i = 0; i < actors.Length; i++)
        {
            actors[i] = system.ActorOf(_props);
        }

        _constructed.Wait();
    }
}
