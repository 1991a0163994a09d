using System.Net;
using ActorTcp.Lifecycle;

namespace ActorTcp.Connections;

/// <summary>
/// The live figures of one connection. The connection actor is the only writer; anyone may read
/// (the manager's registry, snapshots, the admin API), so every field is read and written whole
/// (64-bit values with <see cref="Volatile"/>) and a reader sees each figure current but not all
/// figures at one instant. Creating it costs one object; updating it costs plain stores, so I/O
/// does no more than stamp numbers here.
/// </summary>
public sealed class ConnectionInfo
{
    private long _bytesIn;
    private long _bytesOut;
    private long _framesIn;
    private long _framesOut;
    private long _writeQueueBytes;
    private long _lastActivityUtcTicks;
    private readonly long _openedTimestamp;
    private int _state;

    /// <summary>Marks <see cref="_openedTimestamp"/> as not given.</summary>
    private const long NoTimestamp = long.MinValue;

    /// <summary>Ticks rather than a <see cref="DateTimeOffset"/>, whose offset would cost every connection eight bytes more.</summary>
    private readonly long _openedAtUtcTicks;

    /// <summary>Creates the figures of a connection opened at <paramref name="openedAt"/>.</summary>
    /// <param name="id">The connection's id, unique within its server.</param>
    /// <param name="remoteEndPoint">The peer's address and port.</param>
    /// <param name="localEndPoint">The local address and port.</param>
    /// <param name="openedAt">When the connection was accepted; kept as UTC.</param>
    public ConnectionInfo(long id, IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, DateTimeOffset openedAt)
        : this(id, remoteEndPoint, localEndPoint, openedAt, openedTimestamp: null)
    {
    }

    /// <summary>Creates the figures of a connection opened at <paramref name="openedAt"/>, with its monotonic opening time.</summary>
    /// <param name="id">The connection's id, unique within its server.</param>
    /// <param name="remoteEndPoint">The peer's address and port.</param>
    /// <param name="localEndPoint">The local address and port.</param>
    /// <param name="openedAt">When the connection was accepted.</param>
    /// <param name="openedTimestamp">
    /// When the connection was accepted, as a timestamp of the actor system's <see cref="TimeProvider"/>;
    /// null when it is the moment the connection actor starts.
    /// </param>
    internal ConnectionInfo(long id, IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, DateTimeOffset openedAt, long? openedTimestamp)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        Id = id;
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        _openedAtUtcTicks = openedAt.UtcTicks;
        _lastActivityUtcTicks = openedAt.UtcTicks;
        _openedTimestamp = openedTimestamp ?? NoTimestamp;
    }

    /// <summary>The connection's id, unique within its server.</summary>
    public long Id { get; }

    /// <summary>The peer's address and port.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The local address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>When the connection was accepted, in UTC.</summary>
    public DateTimeOffset OpenedAt => new(_openedAtUtcTicks, TimeSpan.Zero);

    /// <summary>
    /// When the connection was accepted on the actor system's monotonic clock, or null when the
    /// connection actor's start counts as its opening. The heartbeat budget runs from this moment,
    /// so a backlog of connections waiting for their actors does not stretch it.
    /// </summary>
    internal long? OpenedTimestamp => _openedTimestamp == NoTimestamp ? null : _openedTimestamp;

    /// <summary>The lifecycle state.</summary>
    public LifecycleState State
    {
        get => (LifecycleState)Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, (int)value);
    }

    /// <summary>When bytes last went in or out.</summary>
    public DateTimeOffset LastActivity => new(Volatile.Read(ref _lastActivityUtcTicks), TimeSpan.Zero);

    /// <summary>Bytes received from the peer.</summary>
    public long BytesIn => Volatile.Read(ref _bytesIn);

    /// <summary>Bytes sent to the peer (handed to the kernel).</summary>
    public long BytesOut => Volatile.Read(ref _bytesOut);

    /// <summary>Frames received (heartbeats included).</summary>
    public long FramesIn => Volatile.Read(ref _framesIn);

    /// <summary>Frames queued for sending (heartbeats included).</summary>
    public long FramesOut => Volatile.Read(ref _framesOut);

    /// <summary>Bytes waiting in the write queue.</summary>
    public long WriteQueueBytes => Volatile.Read(ref _writeQueueBytes);

    /// <summary>Records bytes received; only the connection actor calls this.</summary>
    /// <param name="count">How many bytes.</param>
    /// <param name="now">The current time.</param>
    public void AddBytesIn(int count, DateTimeOffset now)
    {
        Volatile.Write(ref _bytesIn, _bytesIn + count);
        Volatile.Write(ref _lastActivityUtcTicks, now.UtcTicks);
    }

    /// <summary>Records bytes sent; only the connection actor calls this.</summary>
    /// <param name="count">How many bytes.</param>
    /// <param name="now">The current time.</param>
    public void AddBytesOut(int count, DateTimeOffset now)
    {
        Volatile.Write(ref _bytesOut, _bytesOut + count);
        Volatile.Write(ref _lastActivityUtcTicks, now.UtcTicks);
    }

    /// <summary>Records one frame received; only the connection actor calls this.</summary>
    public void AddFrameIn() => Volatile.Write(ref _framesIn, _framesIn + 1);

    /// <summary>Records one frame queued for sending; only the connection actor calls this.</summary>
    public void AddFrameOut() => Volatile.Write(ref _framesOut, _framesOut + 1);

    /// <summary>Records the write queue's current length; only the connection actor calls this.</summary>
    /// <param name="bytes">The queued bytes.</param>
    public void SetWriteQueueBytes(long bytes) => Volatile.Write(ref _writeQueueBytes, bytes);

    /// <summary>An immutable copy of the figures, for snapshots and the admin API.</summary>
    /// <returns>The copy.</returns>
    public ConnectionSnapshot ToSnapshot() => new(
        Id, RemoteEndPoint, LocalEndPoint, State, OpenedAt, LastActivity, BytesIn, BytesOut, FramesIn, FramesOut, WriteQueueBytes);
}
