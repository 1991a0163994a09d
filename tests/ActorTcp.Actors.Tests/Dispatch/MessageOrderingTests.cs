namespace ActorTcp.Actors.Tests.Dispatch;

public sealed class MessageOrderingTests
{
    private const int Senders = 8;
    private const int MessagesPerSender = 125_000;

    [Fact]
    public async Task EightConcurrentSenders_MillionMessages_NoneLostAndEachSendersOrderKept()
    {
        // Arrange
        await using var system = ActorSystem.Create("ordering");
        var done = new TaskCompletionSource<SequenceChecker.Report>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checker = system.ActorOf(Props.Create(() => new SequenceChecker(Senders * MessagesPerSender, done)), "checker");
        using var start = new Barrier(Senders);

        // Act
        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var sequence = 0; sequence < MessagesPerSender; sequence++)
            {
                checker.Tell(new Numbered(sender, sequence));
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(senders);
        var report = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(Senders * MessagesPerSender, report.Total);
        Assert.Equal(0, report.OutOfOrder);
        Assert.All(report.LastSequence, last => Assert.Equal(MessagesPerSender - 1, last));
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed class SequenceChecker : ReceiveActor
    {
        private readonly int[] _last = Enumerable.Repeat(-1, Senders).ToArray();
        private int _total;
        private int _outOfOrder;

        public SequenceChecker(int expected, TaskCompletionSource<Report> done)
        {
            Receive<Numbered>(message =>
            {
                if (message.Sequence <= _last[message.Sender])
                {
                    _outOfOrder++;
                }

                _last[message.Sender] = message.Sequence;
                if (++_total == expected)
                {
                    done.TrySetResult(new Report(_total, _outOfOrder, [.. _last]));
                }
            });
        }

        public sealed record Report(int Total, int OutOfOrder, int[] LastSequence);
    }
}
