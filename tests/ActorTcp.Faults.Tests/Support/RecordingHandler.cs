using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// Wraps a connection's handler and records, for the whole server, each connection's frames and its
/// single close notification, stamped on one stopwatch so tests can measure how long a fault took.
/// </summary>
public sealed class RecordingHandler(IConnectionHandler inner, ConnectionRecord record) : IConnectionHandler
{
    public void OnConnected(IConnectionContext connection)
    {
        record.Connected.Enqueue(connection.RemoteEndPoint);
        inner.OnConnected(connection);
    }

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        record.Frames.GetOrAdd(connection.RemoteEndPoint.Port, _ => new ConcurrentQueue<byte[]>()).Enqueue(frame.ToArray());
        inner.OnFrame(connection, frame);
    }

    public void OnPeerClosed(IConnectionContext connection) => inner.OnPeerClosed(connection);

    public void OnWritingSuspended(IConnectionContext connection) => inner.OnWritingSuspended(connection);

    public void OnWritingResumed(IConnectionContext connection) => inner.OnWritingResumed(connection);

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
    {
        record.Closed.Enqueue(new ClosedConnection(connection.RemoteEndPoint, closed, record.Clock.Elapsed));
        inner.OnClosed(connection, closed);
    }
}

/// <summary>What every connection of one server did, shared by their <see cref="RecordingHandler"/>s.</summary>
public sealed class ConnectionRecord
{
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public ConcurrentQueue<System.Net.IPEndPoint> Connected { get; } = new();

    /// <summary>Frames received, by the client's port.</summary>
    public ConcurrentDictionary<int, ConcurrentQueue<byte[]>> Frames { get; } = new();

    public ConcurrentQueue<ClosedConnection> Closed { get; } = new();
}
