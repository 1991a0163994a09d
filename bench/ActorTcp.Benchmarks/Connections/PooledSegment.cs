using System.Buffers;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>A segment of a multi-segment sequence over a pooled array, as a pipe would hand it over.</summary>
internal sealed class PooledSegment : ReadOnlySequenceSegment<byte>
{
    public PooledSegment(byte[] array, int length, long runningIndex)
    {
        Array = array;
        Memory = array.AsMemory(0, length);
        RunningIndex = runningIndex;
    }

    public byte[] Array { get; }

    /// <summary>Copies <paramref name="bytes"/> into pooled segments of <paramref name="segmentSize"/> bytes.</summary>
    public static (ReadOnlySequence<byte> Sequence, List<byte[]> Rented) Build(ReadOnlySpan<byte> bytes, int segmentSize)
    {
        var rented = new List<byte[]>();
        PooledSegment? first = null;
        PooledSegment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += segmentSize)
        {
            var length = Math.Min(segmentSize, bytes.Length - offset);
            var array = ArrayPool<byte>.Shared.Rent(segmentSize);
            rented.Add(array);
            bytes.Slice(offset, length).CopyTo(array);
            var segment = new PooledSegment(array, length, last is null ? 0 : last.RunningIndex + last.Memory.Length);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
        }

        return (new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length), rented);
    }
}
