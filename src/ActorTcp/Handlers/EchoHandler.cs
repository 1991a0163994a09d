using System.Buffers;
using ActorTcp.Teardown;

namespace ActorTcp.Handlers;

/// <summary>
/// The built-in <c>echo</c> handler: sends every frame back as it came, and closes once the peer has
/// closed its side. It keeps no state, so one instance may serve every connection.
/// </summary>
public sealed class EchoHandler : IConnectionHandler
{
    /// <summary>The shared instance.</summary>
    public static EchoHandler Instance { get; } = new();

    /// <inheritdoc />
    public void OnConnected(IConnectionContext connection)
    {
    }

    /// <inheritdoc />
    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Send(frame);
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
