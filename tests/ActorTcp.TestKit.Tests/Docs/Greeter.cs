using ActorTcp.Actors;

namespace ActorTcp.TestKit.Tests.Docs;

public sealed record Greet(string Name);

public sealed record Greeted(string Greeting);

public sealed record IdleTimeout;

/// <summary>Greets whoever asks, and stops itself after 30 seconds without a greeting.</summary>
public sealed class Greeter : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(30);

    public Greeter()
    {
        Receive<Greet>(greet =>
        {
            // Starting the same key again replaces the timer: the idle countdown starts over.
            Timers.StartSingleTimer("idle", new IdleTimeout(), IdleAfter);
            Sender.Tell(new Greeted($"Hello, {greet.Name}!"));
        });
        Receive<IdleTimeout>(_ => Context.Stop(Self));
    }

    // Set by the runtime before PreStart.
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartSingleTimer("idle", new IdleTimeout(), IdleAfter);
}
