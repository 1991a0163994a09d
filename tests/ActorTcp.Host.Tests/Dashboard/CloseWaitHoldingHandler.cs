using System.Buffers;
using System.Collections.Concurrent;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// Echoes, and closes after the peer's FIN like the echo handler, except for peers whose port is in
/// the held set: those stay in CLOSE_WAIT until <c>close-wait-timeout</c>, so a test can show a
/// second state in the table.
/// </summary>
public sealed class CloseWaitHoldingHandler(ConcurrentDictionary<int, bool> heldPorts) : IConnectionHandler
{
    public void OnConnected(IConnectionContext connection)
    {
    }

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame) => connection.Send(frame);

    public void OnPeerClosed(IConnectionContext connection)
    {
        if (!heldPorts.ContainsKey(connection.RemoteEndPoint.Port))
        {
            connection.Close();
        }
    }

    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    public void OnWritingResumed(IConnectionContext connection)
    {
    }

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
    {
    }
}
