using System.Buffers;

namespace ActorTcp.Tests.Framing;

/// <summary>Builds multi-segment sequences, the way a pipe hands over bytes that arrived in pieces.</summary>
public static class Segments
{
    public static ReadOnlySequence<byte> Of(params ReadOnlyMemory<byte>[] pieces)
    {
        var nonEmpty = pieces.Where(p => !p.IsEmpty).ToArray();
        if (nonEmpty.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(nonEmpty[0], 0);
        var last = first;
        foreach (var piece in nonEmpty.Skip(1))
        {
            last = last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlySequence<byte> Of(string text) => Of(Ascii(text));

    /// <summary>The same bytes cut into two segments at <paramref name="at"/>.</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] bytes, int at) => Of(bytes.AsMemory(0, at), bytes.AsMemory(at));

    /// <summary>The same bytes with every byte in its own segment.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) =>
        Of(Enumerable.Range(0, bytes.Length).Select(i => (ReadOnlyMemory<byte>)bytes.AsMemory(i, 1)).ToArray());

    public static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    public static string Text(ReadOnlySequence<byte> bytes) => System.Text.Encoding.ASCII.GetString(bytes.ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
