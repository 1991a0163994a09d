using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.Limits;
using ActorTcp.Metrics;
using ActorTcp.Server;
using ActorTcp.Sockets;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>
/// Pays the one-time costs of the process's first connection release when the first listener
/// starts, instead of when the first peers are found dead.
/// </summary>
/// <remarks>
/// <para>
/// Before the first release nothing on its path has run in the process. Its code (the heartbeat
/// miss, the decision, the close, the manager's bookkeeping) is compiled on first call, the runtime
/// loads the types behind a counter with two tags and behind a histogram (0.7 and 0.35 ms on an idle
/// machine, several ms when both pool threads reach them at once), and the first reset of a socket
/// with a receive pending loads an assembly (about 5 ms). Paid when an outage ends many connections
/// within a few ticks, that holds up every release due meanwhile, so they are late together although
/// every deadline was exact.
/// </para>
/// <para>
/// So the first listener of a process pays it once, before its first accept (40–60 ms): it resets a
/// throwaway loopback connection, records a close on the instruments of a throwaway meter (named
/// <see cref="ThrowawayMeterName"/>, so no listener of the <c>ActorTcp</c> meter sees it), runs a
/// dead-peer decision on a status of no connection, compiles the methods of the types a
/// connection's end runs through, and stops a watched throwaway actor. No real connection,
/// instrument or log line is touched.
/// </para>
/// </remarks>
internal static class ReleasePathWarmUp
{
    /// <summary>The meter the throwaway close is recorded on; disposed straight after.</summary>
    internal const string ThrowawayMeterName = "ActorTcp.WarmUp";

    /// <summary>The types whose code runs when a connection ends, from the heartbeat check to the manager.</summary>
    private static readonly Type[] ReleasePathTypes =
    [
        typeof(ConnectionActor),
        typeof(HeartbeatMonitor),
        typeof(ConnectionLifecycle),
        typeof(LifecycleDecision),
        typeof(SocketTeardown),
        typeof(ActorTcpMetrics),
        typeof(ConnectionInfo),
        typeof(ConnectionLog),
        typeof(ConnectionSnapshot),
        typeof(ConnectionProtocol.Ended),
        typeof(ConnectionManager),
        typeof(ConnectionManagerLog),
        typeof(ConnectionLimits),
    ];

    private static int _done;

    /// <summary>Warms the release path the first time it is called in the process; later calls return at once.</summary>
    /// <param name="system">The actor system whose stop path is rehearsed on a pair of throwaway actors.</param>
    public static void EnsureDone(ActorSystem system)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        ResetPathWarmUp.TryResetThrowawayConnection();
        RecordThrowawayClose();
        DecideThrowawayDeadPeer();
        CompileReleasePath();
        RehearseStop(system);
    }

    /// <summary>Records what a heartbeat release records, on a meter nobody follows.</summary>
    internal static void RecordThrowawayClose()
    {
        using var metrics = new ActorTcpMetrics(new Meter(ThrowawayMeterName));
        metrics.ConnectionAccepted();
        metrics.HeartbeatMissed();
        metrics.StateChanged(LifecycleState.Established, LifecycleState.Closed);
        metrics.WriteQueueChanged(0);
        metrics.ConnectionClosed(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), TimeSpan.Zero);
        metrics.CloseWaitEnded(TimeSpan.Zero);
    }

    /// <summary>Runs the decision a dead peer gets, on a status that belongs to no connection.</summary>
    private static void DecideThrowawayDeadPeer() =>
        new ConnectionLifecycle(new TeardownOptions()).Decide(LifecycleStatus.Established, LifecycleEvent.PeerDead.Instance, TimeSpan.Zero);

    /// <summary>Starts the throwaway pair of <see cref="StopRehearsal"/>, which ends by itself.</summary>
    /// <param name="system">The system to rehearse in.</param>
    /// <returns>The rehearsal's parent actor, for a watcher.</returns>
    internal static IActorRef RehearseStop(ActorSystem system) => system.ActorOf(Props.Create<StopRehearsal>());

    /// <summary>
    /// Compiles every method and constructor of <see cref="ReleasePathTypes"/>, used or not (about
    /// 270): naming the types rather than the methods keeps the list true as the code changes.
    /// </summary>
    private static void CompileReleasePath()
    {
        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static
            | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in ReleasePathTypes)
        {
            foreach (var method in type.GetMethods(Declared))
            {
                // An open generic method has no code until it is instantiated; an abstract one has none.
                if (!method.IsAbstract && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }

            // Instance constructors only: a type initializer runs once, when the type is first used.
            foreach (var constructor in type.GetConstructors(Declared & ~BindingFlags.Static))
            {
                RuntimeHelpers.PrepareMethod(constructor.MethodHandle);
            }
        }
    }

    /// <summary>
    /// Stops a watched child that has a timer running and then itself: the actor runtime's part of a
    /// connection's end (cancelling its timers, ending it, telling its watcher), run once before the
    /// first connection needs it. It runs on the thread pool and is over within milliseconds.
    /// </summary>
    private sealed class StopRehearsal : ReceiveActor
    {
        public StopRehearsal()
        {
            Receive<Terminated>(_ => Context.Stop(Self));
        }

        protected override void PreStart()
        {
            var child = Context.ActorOf(Props.Create<TimedChild>());
            Context.Watch(child);
            Context.Stop(child);
        }
    }

    /// <summary>A child with a timer armed, as every connection actor has one.</summary>
    private sealed class TimedChild : ReceiveActor, IWithTimers
    {
        private static readonly object TimerKey = new();

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            // Armed, cancelled and armed again: a connection re-arms its timer and cancels it when it ends.
            Timers.StartSingleTimer(TimerKey, TimerKey, TimeSpan.FromHours(1));
            Timers.Cancel(TimerKey);
            Timers.StartSingleTimer(TimerKey, TimerKey, TimeSpan.FromHours(1));
        }
    }
}
