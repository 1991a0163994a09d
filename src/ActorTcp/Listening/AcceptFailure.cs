using System.Net.Sockets;

namespace ActorTcp.Listening;

/// <summary>Sorts accept() errors into those worth retrying and those that end the listener.</summary>
internal static class AcceptFailure
{
    // errno values on Linux; .NET folds several of them into one SocketError, so both are checked.
    private const int Enomem = 12;
    private const int Enfile = 23;
    private const int Emfile = 24;
    private const int Enobufs = 105;
    private const int Econnaborted = 103;

    /// <summary>
    /// True for errors that say nothing about the listening socket itself: the peer gave up before
    /// accept (ECONNABORTED), or the process or system is out of descriptors or memory (EMFILE,
    /// ENFILE, ENOBUFS, ENOMEM), which passes when connections close.
    /// </summary>
    /// <param name="error">The accept error.</param>
    public static bool IsTransient(SocketException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.SocketErrorCode is SocketError.ConnectionAborted or SocketError.TooManyOpenSockets
                or SocketError.NoBufferSpaceAvailable or SocketError.ConnectionReset
            || error.NativeErrorCode is Enomem or Enfile or Emfile or Enobufs or Econnaborted;
    }

    /// <summary>True when the error means the listening socket was closed: the accept loop ends quietly.</summary>
    /// <param name="error">What accept threw.</param>
    public static bool IsListenerClosed(Exception error) =>
        error is ObjectDisposedException or OperationCanceledException
        || error is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown };
}
