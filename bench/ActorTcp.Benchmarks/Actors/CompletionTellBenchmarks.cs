using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The actor side of a socket completion: <see cref="CompletionExtensions.TellFromCompletion"/> to an
/// idle actor from a thread-pool thread running no actor, so every tell runs the actor on the calling
/// thread, as a connection's receive completion does. The tells of one invocation share one pool
/// work item, whose cost is spread over <see cref="TellsPerInvoke"/> of them. Each operation is one
/// tell and its run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[Config(typeof(ThroughputConfig))]
public class CompletionTellBenchmarks
{
    private const int TellsPerInvoke = 100_000;

    private readonly CountdownEvent _unused = new(1);
    private ActorSystem? _system;
    private IActorRef? _receiver;

    [GlobalSetup]
    public void SetUp()
    {
        _system = ActorSystem.Create("completion-tell");

        // The counter never reaches its signal: what is measured is the tell and the run around the receive.
        _receiver = _system.ActorOf(Props.Create(() => new UntypedCountingActor(_unused, int.MaxValue)), "receiver");
    }

    [GlobalCleanup]
    public void CleanUp() => _system?.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = TellsPerInvoke)]
    public void TellFromCompletionToIdleActor()
    {
        var receiver = _receiver!;
        Task.Run(() =>
        {
            for (var i = TellsPerInvoke; i > 0; i--)
            {
                receiver.TellFromCompletion(Ball.Instance);
            }
        }).Wait();
    }
}
