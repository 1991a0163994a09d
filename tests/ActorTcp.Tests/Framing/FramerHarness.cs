using System.Buffers;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

/// <summary>What a framer made of a stream: the frames, whether it ended in a protocol error, and
/// the most bytes it ever left unconsumed after framing a read.</summary>
public sealed record FramingOutcome(IReadOnlyList<byte[]> Frames, bool ProtocolError, long MostPending);

/// <summary>
/// Plays a connection's read loop: bytes arrive in reads, each read may land in several buffer
/// segments, the framer takes every frame it can, and what is left waits for the next read.
/// </summary>
public static class FramerHarness
{
    /// <summary>Feeds <paramref name="reads"/> in order, each cut into segments of the cycled
    /// <paramref name="segmentCuts"/> sizes (one segment per read when null).</summary>
    public static FramingOutcome Run(IFramer framer, IEnumerable<byte[]> reads, IReadOnlyList<int>? segmentCuts = null)
    {
        var frames = new List<byte[]>();
        var pending = new List<ReadOnlyMemory<byte>>();
        var cut = 0;
        long mostPending = 0;
        foreach (var read in reads)
        {
            pending.AddRange(Cut(read, segmentCuts, ref cut));
            var buffer = Segments.Of(pending.ToArray());
            FramingStatus status;
            while ((status = framer.TryReadFrame(ref buffer, out var frame)) == FramingStatus.Frame)
            {
                frames.Add(frame.ToArray());
            }

            if (status == FramingStatus.ProtocolError)
            {
                return new FramingOutcome(frames, true, mostPending);
            }

            mostPending = Math.Max(mostPending, buffer.Length);
            pending = Remaining(buffer);
        }

        return new FramingOutcome(frames, false, mostPending);
    }

    private static List<ReadOnlyMemory<byte>> Remaining(ReadOnlySequence<byte> buffer)
    {
        var rest = new List<ReadOnlyMemory<byte>>();
        foreach (var memory in buffer)
        {
            rest.Add(memory);
        }

        return rest;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Cut(byte[] read, IReadOnlyList<int>? cuts, ref int next)
    {
        if (cuts is null || cuts.Count == 0)
        {
            return [read];
        }

        var pieces = new List<ReadOnlyMemory<byte>>();
        var offset = 0;
        while (offset < read.Length)
        {
            var size = Math.Min(Math.Max(1, cuts[next++ % cuts.Count]), read.Length - offset);
            pieces.Add(read.AsMemory(offset, size));
            offset += size;
        }

        return pieces;
    }
}
