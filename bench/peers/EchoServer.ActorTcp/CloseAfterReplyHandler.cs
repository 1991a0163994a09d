using System.Buffers;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace EchoServer.ActorTcp;

/// <summary>
/// The short-connection protocol: echoes the first frame, then closes. The close is ActorTcp's
/// TIME_WAIT-aware one, so the reply is followed by the goodbye line and the peer is asked to
/// close first.
/// </summary>
public sealed class CloseAfterReplyHandler : IConnectionHandler
{
    /// <summary>The shared instance; the handler keeps no state.</summary>
    public static CloseAfterReplyHandler Instance { get; } = new();

    /// <inheritdoc />
    public void OnConnected(IConnectionContext connection)
    {
    }

    /// <inheritdoc />
    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Send(frame);
        connection.Close();
    }

    /// <inheritdoc />
    public void OnPeerClosed(IConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Close();
    }

    /// <inheritdoc />
    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    /// <inheritdoc />
    public void OnWritingResumed(IConnectionContext connection)
    {
    }

    /// <inheritdoc />
    public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
    {
    }
}
