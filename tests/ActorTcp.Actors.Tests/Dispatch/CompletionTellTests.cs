using System.Collections.Concurrent;
using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;

namespace ActorTcp.Actors.Tests.Dispatch;

/// <summary>
/// <see cref="CompletionExtensions.TellFromCompletion"/>: a tell that runs the idle actor on the
/// calling pool thread, and is an ordinary tell everywhere else.
/// </summary>
public sealed class CompletionTellTests
{
    [ThreadStatic]
    private static bool t_insideTeller;

    [Fact]
    public async Task TellFromAPoolThreadRunningNoActor_RunsTheIdleActorOnThatThreadBeforeReturning()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var received = new ConcurrentQueue<(object Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(received)));
        await WhenIdleAsync(actor);

        // Act
        var (caller, processedOnReturn) = await Task.Run(() =>
        {
            actor.TellFromCompletion("ready");
            return (Environment.CurrentManagedThreadId, received.Count);
        });

        // Assert
        Assert.Equal(1, processedOnReturn);
        var (message, thread) = Assert.Single(received);
        Assert.Equal("ready", message);
        Assert.Equal(caller, thread);
    }

    [Fact]
    public async Task RunOnTheCallingThread_LeavesTheCallersExecutionContextAsItFoundIt()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var flowing = new AsyncLocal<string?>();
        var seenByActor = new ConcurrentQueue<string?>();
        var actor = system.ActorOf(Props.Create(() => new AsyncLocalSetter(flowing, seenByActor)));
        await WhenIdleAsync(actor);

        // Act
        var seenByCaller = await Task.Run(() =>
        {
            actor.TellFromCompletion("ready");
            return flowing.Value;
        });

        // Assert
        Assert.Equal("set by the handler", Assert.Single(seenByActor));
        Assert.Null(seenByCaller);
    }

    [Fact]
    public async Task TellFromAThreadOutsideThePool_QueuesTheActorOnThePool()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var received = new ConcurrentQueue<(object Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(received)));
        await WhenIdleAsync(actor);
        var caller = new Thread(() => actor.TellFromCompletion("ready"));

        // Act
        caller.Start();
        caller.Join();
        await Eventually.TrueAsync(() => !received.IsEmpty, "the message is processed");

        // Assert
        var (message, thread) = Assert.Single(received);
        Assert.Equal("ready", message);
        Assert.NotEqual(caller.ManagedThreadId, thread);
    }

    [Fact]
    public async Task TellFromInsideAnActorsRun_DoesNotRunTheToldActorNestedInThatRun()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var nestedFlags = new ConcurrentQueue<bool>();
        var told = system.ActorOf(Props.Create(() => new NestingObserver(nestedFlags)));
        await WhenIdleAsync(told);
        var teller = system.ActorOf(Props.Create(() => new CompletionTeller(told)));

        // Act
        await teller.Ask<string>("tell", Probe.DefaultTimeout);
        await Eventually.TrueAsync(() => !nestedFlags.IsEmpty, "the told actor ran");

        // Assert
        Assert.False(Assert.Single(nestedFlags));
    }

    [Fact]
    public async Task TellsFromOnePoolThread_MixedWithOrdinaryTells_ArriveInTheOrderTheyWereTold()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var received = new ConcurrentQueue<(object Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(received)));
        await WhenIdleAsync(actor);

        // Act
        await Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                if (i % 3 == 0)
                {
                    actor.Tell(i, ActorRefs.NoSender);
                }
                else
                {
                    actor.TellFromCompletion(i);
                }
            }
        });
        await Eventually.TrueAsync(() => received.Count == 200, "every message is processed");

        // Assert
        Assert.Equal(Enumerable.Range(0, 200).Cast<object>(), received.Select(r => r.Message));
    }

    [Fact]
    public async Task TellsFromManyPoolThreadsAtOnce_RunTheActorOneRunAtATime_AndKeepEachSendersOrder()
    {
        // Arrange
        const int Producers = 4;
        const int PerProducer = 5_000;
        await using var system = ActorSystem.Create("completion", new ActorSystemSettings { Throughput = 5 });
        var tally = new Tally(Producers);
        var actor = system.ActorOf(Props.Create(() => new ExclusivityChecker(tally)));
        await WhenIdleAsync(actor);

        // Act: the barrier makes the producers overlap in time (the pool adds threads if it must).
        using var start = new Barrier(Producers);
        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(() =>
        {
            start.SignalAndWait(Probe.DefaultTimeout);
            for (var sequence = 0; sequence < PerProducer; sequence++)
            {
                actor.TellFromCompletion(new Numbered(producer, sequence));
            }
        }));
        await Task.WhenAll(producers);
        await Eventually.TrueAsync(() => Volatile.Read(ref tally.Received) == Producers * PerProducer, "every message is processed");

        // Assert
        Assert.Equal(0, tally.Overlaps);
        Assert.Equal(0, tally.OutOfOrder);
    }

    [Fact]
    public async Task TellToAStoppedActor_GoesToDeadLetters()
    {
        // Arrange
        await using var system = ActorSystem.Create("completion");
        var received = new ConcurrentQueue<(object Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(received)));
        var cell = ((LocalActorRef)actor).Cell;
        await WhenIdleAsync(actor);
        system.Stop(actor);
        await Eventually.TrueAsync(() => cell.Actor is null && !cell.IsScheduled, "the actor has terminated");
        var before = system.DeadLetterCount;

        // Act
        await Task.Run(() => actor.TellFromCompletion("late"));

        // Assert
        Assert.Equal(before + 1, system.DeadLetterCount);
        Assert.Empty(received);
    }

    /// <summary>Waits until the actor has started and its cell is neither queued nor running.</summary>
    private static async Task WhenIdleAsync(IActorRef actor)
    {
        var cell = ((LocalActorRef)actor).Cell;
        await Eventually.TrueAsync(() => cell.Actor is not null && !cell.IsScheduled && !cell.HasPendingSystemMessages, "the actor is started and idle");
    }

    private sealed record Numbered(int Producer, int Sequence);

    private sealed class Tally(int producers)
    {
        public readonly int[] Next = new int[producers];
        public int Active;
        public int Overlaps;
        public int OutOfOrder;
        public int Received;
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(ConcurrentQueue<(object Message, int Thread)> received) =>
            ReceiveAny(message => received.Enqueue((message, Environment.CurrentManagedThreadId)));
    }

    private sealed class AsyncLocalSetter : ReceiveActor
    {
        public AsyncLocalSetter(AsyncLocal<string?> flowing, ConcurrentQueue<string?> seen) => ReceiveAny(_ =>
        {
            flowing.Value = "set by the handler";
            seen.Enqueue(flowing.Value);
        });
    }

    private sealed class NestingObserver : ReceiveActor
    {
        public NestingObserver(ConcurrentQueue<bool> nestedFlags) => ReceiveAny(_ => nestedFlags.Enqueue(t_insideTeller));
    }

    private sealed class CompletionTeller : ReceiveActor
    {
        public CompletionTeller(IActorRef told) => Receive<string>(_ =>
        {
            t_insideTeller = true;
            try
            {
                told.TellFromCompletion("ready");
            }
            finally
            {
                t_insideTeller = false;
            }

            Sender.Tell("told");
        });
    }

    private sealed class ExclusivityChecker : ReceiveActor
    {
        public ExclusivityChecker(Tally tally) => Receive<Numbered>(numbered =>
        {
            if (Interlocked.Increment(ref tally.Active) > 1)
            {
                Interlocked.Increment(ref tally.Overlaps);
            }

            if (tally.Next[numbered.Producer] != numbered.Sequence)
            {
                Interlocked.Increment(ref tally.OutOfOrder);
            }

            tally.Next[numbered.Producer] = numbered.Sequence + 1;

            // Keeps the run open a little, so concurrent tells find it running.
            Thread.SpinWait(20);
            Interlocked.Decrement(ref tally.Active);
            Interlocked.Increment(ref tally.Received);
        });
    }
}
