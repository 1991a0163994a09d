namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// The reference model of each framing mode: the plainest reading of a whole stream, with no
/// buffering concerns. A framer fed the same stream in any pieces must agree with it.
/// </summary>
public static class FramingModel
{
    /// <summary>
    /// Lines end at <c>\n</c>, a <c>\r</c> before it is dropped; a line (or unfinished tail) longer
    /// than <paramref name="maxFrameSize"/> is an error.
    /// </summary>
    public static (List<byte[]> Frames, bool Error) Lines(byte[] stream, int maxFrameSize)
    {
        var frames = new List<byte[]>();
        var start = 0;
        for (var end = Array.IndexOf(stream, (byte)'\n'); end >= 0; end = Array.IndexOf(stream, (byte)'\n', start))
        {
            var line = stream[start..end];
            line = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
            if (line.Length > maxFrameSize)
            {
                return (frames, true);
            }

            frames.Add(line);
            start = end + 1;
        }

        // An unfinished tail may still lose a final '\r' to its delimiter.
        var tail = stream[start..];
        var tailContent = tail.Length > 0 && tail[^1] == (byte)'\r' ? tail.Length - 1 : tail.Length;
        return (frames, tailContent > maxFrameSize);
    }

    /// <summary>
    /// Frames are a big-endian length of <paramref name="prefixBytes"/> bytes and that many bytes; a
    /// declared length over <paramref name="maxFrameSize"/> is an error. An unfinished frame is not.
    /// </summary>
    public static (List<byte[]> Frames, bool Error) LengthPrefixed(byte[] stream, int maxFrameSize, int prefixBytes)
    {
        var frames = new List<byte[]>();
        var offset = 0;
        while (stream.Length - offset >= prefixBytes)
        {
            var length = stream.Skip(offset).Take(prefixBytes).Aggregate(0L, (value, b) => (value << 8) | b);
            if (length > maxFrameSize)
            {
                return (frames, true);
            }

            var payloadStart = offset + prefixBytes;
            if (stream.Length - payloadStart < length)
            {
                break;
            }

            frames.Add(stream[payloadStart..(payloadStart + (int)length)]);
            offset = payloadStart + (int)length;
        }

        return (frames, false);
    }
}
