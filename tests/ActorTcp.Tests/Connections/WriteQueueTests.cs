using ActorTcp.Connections;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Connections;

public sealed class WriteQueueTests
{
    private static readonly TimeSpan T0 = TimeSpan.FromSeconds(10);

    [Fact]
    public void CrossingHighWatermark_SuspendsOnceAndRecordsWhen()
    {
        // Arrange
        var queue = new WriteQueue(highWatermark: 100, lowWatermark: 40, maxFrameBytes: 50);

        // Act
        var below = queue.Enqueue(new byte[60], T0);
        var crossing = queue.Enqueue(new byte[50], T0 + TimeSpan.FromSeconds(1));
        var above = queue.Enqueue(new byte[10], T0 + TimeSpan.FromSeconds(2));

        // Assert
        Assert.Equal((EnqueueResult.Accepted, EnqueueResult.Suspended, EnqueueResult.Accepted), (below, crossing, above));
        Assert.True(queue.IsSuspended);
        Assert.Equal(T0 + TimeSpan.FromSeconds(1), queue.SuspendedSince);
        Assert.Equal(120, queue.Length);
    }

    [Fact]
    public void DrainingToLowWatermark_ResumesOnceNotBefore()
    {
        // Arrange
        var queue = new WriteQueue(100, 40, 50);
        queue.Enqueue(new byte[120], T0);

        // Act
        var stillAbove = queue.Advance(70);
        var atLow = queue.Advance(10);
        var below = queue.Advance(10);

        // Assert
        Assert.Equal((false, true, false), (stillAbove, atLow, below));
        Assert.False(queue.IsSuspended);
        Assert.Equal(30, queue.Length);
    }

    [Fact]
    public void EnqueueBeyondTheHardCap_IsRefusedAndChangesNothing()
    {
        // Arrange
        var queue = new WriteQueue(100, 40, 50);
        queue.Enqueue(new byte[140], T0);

        // Act
        var refused = queue.Enqueue(new byte[11], T0);
        var fits = queue.Enqueue(new byte[10], T0);

        // Assert
        Assert.Equal(150, queue.Capacity);
        Assert.Equal((EnqueueResult.Refused, EnqueueResult.Accepted), (refused, fits));
        Assert.Equal(150, queue.Length);
    }

    [Fact]
    public void WriterThatStopsAtSuspension_IsNeverRefused()
    {
        // Arrange: the largest frame always fits on top of anything below the high mark.
        var codec = new LengthPrefixedFramer(46, 4);
        var queue = new WriteQueue(100, 40, codec.GetEncodedLength(46));
        var results = new List<EnqueueResult>();

        // Act
        while (!queue.IsSuspended)
        {
            results.Add(queue.EnqueueFrame(codec, new byte[46], T0));
        }

        // Assert
        Assert.DoesNotContain(EnqueueResult.Refused, results);
        Assert.Equal(EnqueueResult.Suspended, results[^1]);
        Assert.InRange(queue.Length, 100, queue.Capacity);
    }

    [Fact]
    public void SuspendedLongerThanSlowConsumerTimeout_IsASlowConsumer()
    {
        // Arrange
        var queue = new WriteQueue(100, 40, 50);
        var timeout = TimeSpan.FromSeconds(30);
        queue.Enqueue(new byte[100], T0);

        // Act + Assert
        Assert.False(queue.IsSlowConsumer(T0 + TimeSpan.FromSeconds(29), timeout));
        Assert.True(queue.IsSlowConsumer(T0 + timeout, timeout));
        queue.Advance(60);
        Assert.False(queue.IsSlowConsumer(T0 + TimeSpan.FromHours(1), timeout));
    }

    [Fact]
    public void BytesComeOutInOrderAcrossSegments()
    {
        // Arrange
        var queue = new WriteQueue(100_000, 10, 100);
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        for (var offset = 0; offset < data.Length; offset += 333)
        {
            queue.Enqueue(data.AsSpan(offset, Math.Min(333, data.Length - offset)), T0);
        }

        // Act: a socket that takes at most 1000 bytes per send.
        var sent = new List<byte>();
        while (queue.Length > 0)
        {
            var chunk = queue.Peek();
            var take = Math.Min(chunk.Length, 1000);
            sent.AddRange(chunk.Span[..take].ToArray());
            queue.Advance(take);
        }

        // Assert
        Assert.Equal(data, sent);
        Assert.True(queue.Peek().IsEmpty);
    }

    [Fact]
    public void EncodedFrames_AreWrittenStraightIntoTheQueue()
    {
        // Arrange
        var codec = new LineFramer(64);
        var queue = new WriteQueue(100, 10, codec.GetEncodedLength(64));

        // Act
        queue.EnqueueFrame(codec, "hello"u8, T0);
        queue.EnqueueFrame(codec, "world"u8, T0);

        // Assert
        Assert.Equal("hello\nworld\n"u8.ToArray(), queue.Peek().ToArray());
    }

    [Fact]
    public void DrainedQueue_ReturnsEverySegmentToThePool()
    {
        // Arrange
        var pool = new CountingPool();
        var queue = new WriteQueue(100_000, 10, 100, pool);
        queue.Enqueue(new byte[WriteQueue.SegmentSize * 3 + 5], T0);

        // Act
        while (queue.Length > 0)
        {
            queue.Advance(Math.Min(queue.Peek().Length, 777));
        }

        // Assert
        Assert.Equal(4, pool.Rented);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Clear_DropsQueuedBytesAndReturnsTheirMemory()
    {
        // Arrange
        var pool = new CountingPool();
        var queue = new WriteQueue(100, 10, 100, pool);
        queue.Enqueue(new byte[150], T0);

        // Act
        queue.Clear();

        // Assert
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(0, queue.Length);
        Assert.False(queue.IsSuspended);
    }

    [Fact]
    public void InvalidWatermarks_AreRejected()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteQueue(100, 100, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteQueue(0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteQueue(100, 10, 0));
    }
}
