using ActorTcp.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// What a parent pays when one of its children stops, as a function of how many others it keeps:
/// the connection manager is a parent of every connection, and connections end one by one while
/// thousands of others stay open. Each invoke starts 1,000 extra children beside
/// <see cref="Siblings"/> idle ones, stops them and waits until the parent has handled every
/// end. The cost should not grow with the number of siblings.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(ThroughputConfig))]
public class ChildStopBenchmarks
{
    private const int StoppedPerInvoke = 1_000;

    private ActorSystem? _system;
    private IActorRef? _parent;
    private readonly CountdownEvent _ended = new(1);

    /// <summary>Gets or sets how many idle children the parent keeps throughout.</summary>
    [Params(0, 15_000)]
    public int Siblings { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _system = ActorSystem.Create("child-stop");
        var ready = new CountdownEvent(1);
        _parent = _system.ActorOf(Props.Create(() => new Parent(_ended)));
        _parent.Tell(new StartSiblings(Siblings, ready));
        ready.Wait();
    }

    [GlobalCleanup]
    public void CleanUp() => _system!.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = StoppedPerInvoke)]
    public void StopChildren()
    {
        _ended.Reset(StoppedPerInvoke);
        _parent!.Tell(StartAndStop.Instance);
        _ended.Wait();
    }

    private sealed record StartSiblings(int Count, CountdownEvent Ready);

    private sealed class StartAndStop
    {
        public static readonly StartAndStop Instance = new();
    }

    private sealed class Idle : ReceiveActor;

    /// <summary>Keeps the siblings; starts, stops and watches the batch, signalling each end.</summary>
    private sealed class Parent : ReceiveActor
    {
        private static readonly Props IdleChild = Props.Create(() => new Idle());

        public Parent(CountdownEvent ended)
        {
            Receive<StartSiblings>(start =>
            {
                for (var i = 0; i < start.Count; i++)
                {
                    Context.ActorOf(IdleChild);
                }

                start.Ready.Signal();
            });
            Receive<StartAndStop>(_ =>
            {
                for (var i = 0; i < StoppedPerInvoke; i++)
                {
                    var child = Context.ActorOf(IdleChild);
                    Context.Watch(child);
                    Context.Stop(child);
                }
            });
            // A block body: Signal returns a bool, which would pick the overload whose result says
            // whether the message was handled.
            Receive<Terminated>(_ =>
            {
                ended.Signal();
            });
        }
    }
}
