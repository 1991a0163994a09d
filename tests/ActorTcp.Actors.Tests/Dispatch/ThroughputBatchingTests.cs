using ActorTcp.Actors.Tests.TestSupport;

namespace ActorTcp.Actors.Tests.Dispatch;

public sealed class ThroughputBatchingTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    public async Task HundredQueuedMessages_AreProcessedInRunsOfThroughputSize(int throughput)
    {
        // Arrange: block the actor in its first message while 100 more are queued behind it.
        await using var system = ActorSystem.Create("batching", new ActorSystemSettings { Throughput = throughput });
        using var gate = new ManualResetEventSlim();
        var runOfMessage = new int[101];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new RunRecorder(gate, runOfMessage, done)));
        var entered = actor.Ask<string>("block", Probe.DefaultTimeout);

        // Act
        for (var i = 1; i <= 100; i++)
        {
            actor.Tell(i);
        }

        gate.Set();
        await entered;
        await done.Task.WaitAsync(Probe.DefaultTimeout);

        // Assert: the run that took the blocking message had room for throughput - 1 more, and
        // every later run took exactly `throughput` messages before yielding.
        var firstRun = runOfMessage[0];
        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(firstRun + (i + 1 + throughput - 1) / throughput - 1, runOfMessage[i]);
        }
    }

    private sealed class RunRecorder : ReceiveActor
    {
        public RunRecorder(ManualResetEventSlim gate, int[] runOfMessage, TaskCompletionSource done)
        {
            var cell = Cell;
            Receive<string>(_ =>
            {
                Sender.Tell("entered");
                gate.Wait(Probe.DefaultTimeout);
                runOfMessage[0] = cell.RunCount;
            });
            Receive<int>(i =>
            {
                runOfMessage[i] = cell.RunCount;
                if (i == 100)
                {
                    done.TrySetResult();
                }
            });
        }
    }
}
