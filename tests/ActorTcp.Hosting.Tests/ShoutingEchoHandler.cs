using System.Buffers;
using System.Text;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Hosting.Tests;

/// <summary>A service's own handler: echoes every line in capitals, and closes once the peer has closed.</summary>
public sealed class ShoutingEchoHandler : IConnectionHandler
{
    /// <inheritdoc />
    public void OnConnected(IConnectionContext connection)
    {
    }

    /// <inheritdoc />
    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame) =>
        connection.Send(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(frame).ToUpperInvariant()));

    /// <inheritdoc />
    public void OnPeerClosed(IConnectionContext connection) => connection.Close();

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
