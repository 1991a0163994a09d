using System.Collections.Concurrent;
using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Tests.TestSupport;

namespace ActorTcp.Actors.Tests.Dispatch;

/// <summary>The seam per-actor services (keyed timers) use: filter or unwrap messages, and hear of restart and stop.</summary>
public sealed class CellInterceptorTests
{
    [Fact]
    public async Task Interceptor_DropsStaleMessages_AndUnwrapsOthers_BeforeTheActorSeesThem()
    {
        // Arrange
        await using var system = ActorSystem.Create("interceptor");
        var journal = new ConcurrentQueue<string>();
        var interceptor = new RecordingInterceptor(journal);
        var actor = system.ActorOf(Props.Create(() => new Intercepted(interceptor, journal)));

        // Act
        actor.Tell(new Wrapped("stale"));
        actor.Tell(new Wrapped("fresh"));
        actor.Tell("plain");
        await actor.Ask<string>("sync", Probe.DefaultTimeout);

        // Assert
        Assert.Equal(["received fresh", "received plain"], journal.Where(e => e.StartsWith("received", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Interceptor_HearsOfRestartBeforePreRestart_AndOfStopBeforeTheFinalPostStop()
    {
        // Arrange
        await using var system = ActorSystem.Create("interceptor");
        var journal = new ConcurrentQueue<string>();
        var interceptor = new RecordingInterceptor(journal);
        var probe = Probe.Create(system);
        var actor = system.ActorOf(Props.Create(() => new Intercepted(interceptor, journal)));
        await probe.WatchAsync(actor);

        // Act
        actor.Tell("fail");
        await actor.Ask<string>("sync", Probe.DefaultTimeout);
        system.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        // Assert: the default PreRestart calls PostStop of the failed instance too.
        Assert.Equal(["OnRestart", "PreRestart", "PostStop", "OnStop", "PostStop"], journal.Where(e => !e.StartsWith("received", StringComparison.Ordinal)));
    }

    private sealed record Wrapped(string Payload);

    private sealed class RecordingInterceptor(ConcurrentQueue<string> journal) : ICellInterceptor
    {
        public object? BeforeReceive(object message) => message switch
        {
            Wrapped { Payload: "stale" } => null,
            Wrapped wrapped => wrapped.Payload,
            _ => message,
        };

        public void OnRestart() => journal.Enqueue("OnRestart");

        public void OnStop() => journal.Enqueue("OnStop");
    }

    private sealed class Intercepted : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _journal;

        public Intercepted(ICellInterceptor interceptor, ConcurrentQueue<string> journal)
        {
            _journal = journal;
            Cell.AddInterceptor(interceptor);
            Receive<string>(m => m == "sync", _ => Sender.Tell("ok"));
            Receive<string>(m => m == "fail", _ => throw new InvalidOperationException("fail"));
            Receive<string>(m => journal.Enqueue("received " + m));
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            _journal.Enqueue("PreRestart");
            base.PreRestart(reason, message);
        }

        protected override void PostStop() => _journal.Enqueue("PostStop");
    }
}
