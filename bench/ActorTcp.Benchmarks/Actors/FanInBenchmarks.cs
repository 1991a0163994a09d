using System.Threading.Tasks.Dataflow;
using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// Tell throughput from several threads into one actor, against the same threads posting into one
/// <c>ActionBlock&lt;Ball&gt;</c>. The senders share <see cref="MessagesPerInvoke"/> messages evenly
/// and tell as fast as they can; the receiver counts them. Each operation is one message.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(ThroughputConfig))]
public class FanInBenchmarks
{
    private const int MessagesPerInvoke = 400_000;

    private readonly CountdownEvent _allCounted = new(1);
    private ActorSystem? _system;
    private IActorRef? _receiver;
    private ActionBlock<Ball>? _block;

    /// <summary>How many threads tell at the same time.</summary>
    [Params(1, 4)]
    public int Senders { get; set; }

    [GlobalSetup(Target = nameof(ActionBlockReceiver))]
    public void SetUpBlock() => _block = new ActionBlock<Ball>(new MessageCounter(_allCounted, MessagesPerInvoke).Receive);

    [GlobalSetup(Target = nameof(ActorReceiver))]
    public void SetUpActor()
    {
        _system = ActorSystem.Create("fan-in");
        _receiver = _system.ActorOf(Props.Create(() => new CountingActor(_allCounted, MessagesPerInvoke)), "receiver");
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _block?.Complete();
        _system?.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvoke)]
    public void ActionBlockReceiver()
    {
        var block = _block!;
        Send(() =>
        {
            for (var i = MessagesPerInvoke / Senders; i > 0; i--)
            {
                block.Post(Ball.Instance);
            }
        });
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public void ActorReceiver()
    {
        var receiver = _receiver!;
        Send(() =>
        {
            for (var i = MessagesPerInvoke / Senders; i > 0; i--)
            {
                receiver.Tell(Ball.Instance);
            }
        });
    }

    private void Send(ThreadStart sender)
    {
        _allCounted.Reset(1);
        var threads = new Thread[Senders];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(sender) { IsBackground = true };
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        _allCounted.Wait();
    }
}
