using System.Threading.Channels;

namespace ActorTcp.Actors.Tests.TestSupport;

/// <summary>
/// A real actor that records everything it receives so a test can await it. Waits are bounded
/// generously (the build machine is shared and slow at times) and end as soon as the message is there.
/// </summary>
internal sealed class Probe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();

    private Probe(ActorSystem system, string? name)
    {
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name);
    }

    public IActorRef Ref { get; }

    public static Probe Create(ActorSystem system, string? name = null) => new(system, name);

    public async Task<Received> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _received.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Probe {Ref.Path} received nothing within {timeout ?? DefaultTimeout}");
        }
    }

    public async Task<T> ExpectMsgAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var received = await ReceiveAsync(timeout);
        var typed = Assert.IsType<T>(received.Message, exactMatch: false);
        if (predicate is not null)
        {
            Assert.True(predicate(typed), $"Unexpected message {typed}");
        }

        return typed;
    }

    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var actual = await ExpectMsgAsync<T>(timeout: timeout);
        Assert.Equal(expected, actual);
        return actual;
    }

    public async Task<Terminated> ExpectTerminatedAsync(IActorRef actor, TimeSpan? timeout = null)
    {
        var terminated = await ExpectMsgAsync<Terminated>(timeout: timeout);
        Assert.Same(actor, terminated.ActorRef);
        return terminated;
    }

    /// <summary>Asserts that nothing arrives during <paramref name="duration"/>; used only where absence is the point.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        using var cancellation = new CancellationTokenSource(duration);
        try
        {
            var received = await _received.Reader.ReadAsync(cancellation.Token);
            Assert.Fail($"Expected no message but got {received.Message}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Makes the probe watch <paramref name="target"/> and returns once the watch is registered.</summary>
    public Task WatchAsync(IActorRef target) => Ref.Ask<WatchCommand>(new WatchCommand(target), DefaultTimeout);

    internal sealed record Received(object Message, IActorRef Sender);

    private sealed record WatchCommand(IActorRef Target);

    private sealed class ProbeActor : ReceiveActor
    {
        public ProbeActor(ChannelWriter<Received> writer)
        {
            Receive<WatchCommand>(command =>
            {
                Context.Watch(command.Target);
                Sender.Tell(command);
            });
            ReceiveAny(message => writer.TryWrite(new Received(message, Sender)));
        }
    }
}
