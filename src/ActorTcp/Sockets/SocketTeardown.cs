using System.Net.Sockets;

namespace ActorTcp.Sockets;

/// <summary>The three ways a connection actor lets go of its socket: FIN, close and RST.</summary>
public static class SocketTeardown
{
    /// <summary>Sends FIN (shutdown of the send direction); the socket stays open to read the peer's FIN.</summary>
    /// <param name="socket">The connection's socket.</param>
    /// <returns>False when the socket had already failed (the peer reset it); the caller treats that as a reset.</returns>
    public static bool ShutdownSend(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Closes the socket and releases its descriptor. After the peer's FIN this sends our FIN (LAST_ACK,
    /// no TIME_WAIT here); the graceful linger of <c>tcp.linger</c> applies.
    /// </summary>
    /// <param name="socket">The connection's socket.</param>
    public static void Close(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.Dispose();
    }

    /// <summary>
    /// Resets the connection: SO_LINGER on with 0 s, then close, so the kernel sends RST, drops unsent
    /// data and keeps no FIN_WAIT or TIME_WAIT state for it.
    /// </summary>
    /// <param name="socket">The connection's socket.</param>
    public static void Reset(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // The connection is already gone (reset by the peer); close() alone releases it.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Dispose();
    }
}
