using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Sockets;

/// <summary>
/// Pays the one-time cost of the process's first socket reset on a throwaway loopback connection,
/// instead of at the first dead peer; part of <see cref="Connections.ReleasePathWarmUp"/>.
/// </summary>
/// <remarks>
/// The first reset of a socket with a receive pending makes the runtime load an assembly and bind
/// native calls: about 5 ms of one pool thread on a 2-core machine, against 0.2 ms for the resets
/// after it. Paid at the first dead peer, it holds up that release and every release queued behind
/// it on the same thread, so peers that went silent together are released late together, although
/// every deadline was exact. A failure (no IPv4 loopback) only means the first reset pays after all.
/// </remarks>
internal static class ResetPathWarmUp
{
    /// <summary>How long the throwaway connect may take before the warm-up gives up.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Resets one throwaway connection; without an IPv4 loopback there is nothing to warm up on.</summary>
    public static void TryResetThrowawayConnection()
    {
        try
        {
            ResetThrowawayConnection();
        }
        catch (Exception e) when (e is SocketException or AggregateException { InnerException: SocketException })
        {
            // The first real reset pays the cost instead.
        }
    }

    /// <summary>
    /// Connects to a throwaway loopback listener, leaves a zero-byte receive pending on the accepted
    /// end, as every connection keeps one, and resets that end. Nothing stays open and, the
    /// connection ending with a reset, no TIME_WAIT is left behind.
    /// </summary>
    /// <returns>The throwaway listener's port.</returns>
    internal static int ResetThrowawayConnection()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        // A loopback connect completes at once; the bound only guards a listener start against a
        // loopback that drops packets, which would otherwise hold it for the kernel's SYN retries.
        if (!client.ConnectAsync(listener.LocalEndPoint!).Wait(ConnectTimeout))
        {
            return port;
        }

        using var accepted = listener.Accept();
        using var readiness = new SocketAsyncEventArgs();
        readiness.SetBuffer(Memory<byte>.Empty);
        accepted.ReceiveAsync(readiness);
        SocketTeardown.Reset(accepted);
        return port;
    }
}
