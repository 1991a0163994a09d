using System.Buffers;
using ActorTcp.Framing;

namespace ActorTcp.Connections;

/// <summary>
/// A connection's outbound bytes waiting for the socket, with high and low watermarks so a peer that
/// does not read cannot make the server buffer without bound.
/// </summary>
/// <remarks>
/// <para>
/// Crossing the high watermark suspends writing (<see cref="EnqueueResult.Suspended"/>); falling
/// back to the low watermark resumes it (<see cref="Advance"/> returns true). The gap between the
/// two keeps the state from flapping on every frame. A queue that stays suspended longer than
/// <c>write.slow-consumer-timeout</c> is a slow consumer: the peer could not take even
/// high − low bytes in that time.
/// </para>
/// <para>
/// The hard cap is the high watermark plus one largest encoded frame. A writer that stops at
/// the suspension overshoots the high mark by at most the frame that crossed it, so it is never
/// refused; anything beyond is a writer that ignores backpressure and is refused, never buffered.
/// </para>
/// <para>
/// Memory comes from an <see cref="ArrayPool{T}"/> in fixed-size segments and goes back as soon as
/// a segment is sent, so an idle connection with an empty queue holds no buffer.
/// </para>
/// </remarks>
public sealed class WriteQueue : IBufferWriter<byte>, IDisposable
{
    /// <summary>Size of the pooled segments the queue is made of.</summary>
    public const int SegmentSize = 4096;

    private readonly ArrayPool<byte> _pool;

    /// <summary>Filled segments ahead of the tail; made only when a second segment is needed, which most queues never do.</summary>
    private Queue<Segment>? _full;
    private byte[]? _tail;
    private int _tailLength;
    private int _headOffset;
    private long _length;
    private TimeSpan _suspendedSince;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="highWatermark">Queued bytes at which writing is suspended.</param>
    /// <param name="lowWatermark">Queued bytes at or below which writing resumes; less than <paramref name="highWatermark"/>.</param>
    /// <param name="maxFrameBytes">The largest encoded frame, which sets the hard cap above the high watermark.</param>
    /// <param name="pool">Where segments come from; <see cref="ArrayPool{T}.Shared"/> by default.</param>
    public WriteQueue(int highWatermark, int lowWatermark, int maxFrameBytes, ArrayPool<byte>? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(highWatermark);
        ArgumentOutOfRangeException.ThrowIfNegative(lowWatermark);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lowWatermark, highWatermark);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameBytes);
        HighWatermark = highWatermark;
        LowWatermark = lowWatermark;
        Capacity = (long)highWatermark + maxFrameBytes;
        _pool = pool ?? ArrayPool<byte>.Shared;
    }

    /// <summary>Queued bytes at which writing is suspended.</summary>
    public int HighWatermark { get; }

    /// <summary>Queued bytes at or below which writing resumes.</summary>
    public int LowWatermark { get; }

    /// <summary>The hard cap: the most bytes the queue ever holds.</summary>
    public long Capacity { get; }

    /// <summary>Bytes queued and not yet sent.</summary>
    public long Length => _length;

    /// <summary>Whether writing is suspended (crossed high, not yet back to low).</summary>
    public bool IsSuspended { get; private set; }

    /// <summary>When writing was suspended (meaningless unless <see cref="IsSuspended"/>).</summary>
    public TimeSpan SuspendedSince => _suspendedSince;

    /// <summary>Whether the queue has stayed suspended for <paramref name="slowConsumerTimeout"/> or longer.</summary>
    /// <param name="now">The current time on the shell's monotonic clock.</param>
    /// <param name="slowConsumerTimeout">The configured <c>write.slow-consumer-timeout</c>.</param>
    public bool IsSlowConsumer(TimeSpan now, TimeSpan slowConsumerTimeout) =>
        IsSuspended && now - _suspendedSince >= slowConsumerTimeout;

    /// <summary>Queues <paramref name="bytes"/> as they are (already framed).</summary>
    /// <param name="bytes">The bytes to send.</param>
    /// <param name="now">The current time, recorded if this suspends writing.</param>
    /// <returns>Accepted, accepted and now suspended, or refused (nothing queued).</returns>
    public EnqueueResult Enqueue(ReadOnlySpan<byte> bytes, TimeSpan now)
    {
        if (_length + bytes.Length > Capacity)
        {
            return EnqueueResult.Refused;
        }

        while (!bytes.IsEmpty)
        {
            var room = TailRoom(1);
            var chunk = Math.Min(room.Length, bytes.Length);
            bytes[..chunk].CopyTo(room);
            Commit(chunk);
            bytes = bytes[chunk..];
        }

        return AfterEnqueue(now);
    }

    /// <summary>Encodes one frame carrying <paramref name="payload"/> straight into the queue.</summary>
    /// <param name="encoder">The connection's framing mode.</param>
    /// <param name="payload">The frame payload.</param>
    /// <param name="now">The current time, recorded if this suspends writing.</param>
    /// <returns>Accepted, accepted and now suspended, or refused (nothing queued).</returns>
    /// <exception cref="ArgumentException">The encoder cannot frame the payload (see <see cref="IFrameEncoder.Encode"/>).</exception>
    public EnqueueResult EnqueueFrame(IFrameEncoder encoder, ReadOnlySpan<byte> payload, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (_length + encoder.GetEncodedLength(payload.Length) > Capacity)
        {
            return EnqueueResult.Refused;
        }

        encoder.Encode(payload, this);
        return AfterEnqueue(now);
    }

    /// <summary>The next contiguous bytes to send; empty when the queue is empty.</summary>
    public ReadOnlyMemory<byte> Peek()
    {
        if (_full is { } full && full.TryPeek(out var head))
        {
            return head.Array.AsMemory(_headOffset, head.Length - _headOffset);
        }

        return _tail is null ? ReadOnlyMemory<byte>.Empty : _tail.AsMemory(_headOffset, _tailLength - _headOffset);
    }

    /// <summary>Removes <paramref name="sent"/> bytes from the front after the socket took them.</summary>
    /// <param name="sent">Bytes the socket accepted.</param>
    /// <returns>True when this fell to the low watermark and writing resumes.</returns>
    public bool Advance(int sent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sent, _length);
        _length -= sent;
        while (sent > 0 && _full is { } full && full.TryPeek(out var head))
        {
            var take = Math.Min(sent, head.Length - _headOffset);
            sent -= take;
            _headOffset += take;
            if (_headOffset == head.Length)
            {
                _pool.Return(full.Dequeue().Array);
                _headOffset = 0;
            }
        }

        _headOffset += sent;
        if (_length == 0)
        {
            ReleaseTail();
        }

        if (IsSuspended && _length <= LowWatermark)
        {
            IsSuspended = false;
            return true;
        }

        return false;
    }

    /// <summary>Drops everything queued and returns all memory to the pool (on close).</summary>
    public void Clear()
    {
        while (_full is { } full && full.TryDequeue(out var segment))
        {
            _pool.Return(segment.Array);
        }

        ReleaseTail();
        _length = 0;
        IsSuspended = false;
    }

    /// <inheritdoc />
    public void Dispose() => Clear();

    /// <inheritdoc />
    void IBufferWriter<byte>.Advance(int count) => Commit(count);

    /// <inheritdoc />
    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        var room = TailRoom(sizeHint);
        return _tail.AsMemory(_tailLength, room.Length);
    }

    /// <inheritdoc />
    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => TailRoom(sizeHint);

    private EnqueueResult AfterEnqueue(TimeSpan now)
    {
        if (IsSuspended || _length < HighWatermark)
        {
            return EnqueueResult.Accepted;
        }

        IsSuspended = true;
        _suspendedSince = now;
        return EnqueueResult.Suspended;
    }

    private Span<byte> TailRoom(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_tail is not null && _tail.Length - _tailLength >= needed)
        {
            return _tail.AsSpan(_tailLength);
        }

        if (_tail is not null && _tailLength > 0)
        {
            (_full ??= new Queue<Segment>()).Enqueue(new Segment(_tail, _tailLength));
        }
        else if (_tail is not null)
        {
            _pool.Return(_tail);
        }

        _tail = _pool.Rent(Math.Max(SegmentSize, needed));
        _tailLength = 0;
        return _tail;
    }

    private void Commit(int count)
    {
        _tailLength += count;
        _length += count;
    }

    private void ReleaseTail()
    {
        if (_tail is not null)
        {
            _pool.Return(_tail);
            _tail = null;
        }

        _tailLength = 0;
        _headOffset = 0;
    }

    private readonly record struct Segment(byte[] Array, int Length);
}
