using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;
using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
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
/// with a receive pending loads an assembly (about 5 ms). Paid when an outage ends
/// many connections within a few ticks, that holds up every release due meanwhile, so they are late
/// together although every deadline was exact.
/// </para>
/// <para>
/// So the first listener of a process pays it once, before its first accept (30–45 ms): it resets a
/// throwaway loopback connection, records a close on the instruments of a throwaway meter (named
/// <see cref="ThrowawayMeterName"/>, so no listener of the <c>ActorTcp</c> meter sees it), runs a
/// dead-peer decision on a status of no connection, and compiles the methods of the types a
/// connection's end runs through. No real connection, instrument or log line is touched.
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
        typeof(SocketTeardown),
        typeof(ActorTcpMetrics),
        typeof(ConnectionInfo),
        typeof(ConnectionManager),
    ];

    private static int _done;

    /// <summary>Warms the release path the first time it is called in the process; later calls return at once.</summary>
    public static void EnsureDone()
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        ResetPathWarmUp.TryResetThrowawayConnection();
        RecordThrowawayClose();
        DecideThrowawayDeadPeer();
        CompileReleasePath();
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

    /// <summary>
    /// Compiles every method of <see cref="ReleasePathTypes"/>, used or not (about 160): naming the
    /// types rather than the methods keeps the list true as the code changes.
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
        }
    }
}
