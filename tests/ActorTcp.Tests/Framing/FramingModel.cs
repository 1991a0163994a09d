namespace ActorTcp.Tests.Framing;

/// <summary>
/// The reference model the framers are checked against: the simplest possible statement of each
/// framing mode over a whole stream, with no buffering concerns at all.
/// </summary>
public static class FramingModel
{
    public static (List<byte[]> Frames, bool Error) Lines(byte[] stream, int maxFrameSize)
    {
        var frames = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < stream.Length; i++)
        {
            if (stream[i] != (byte)'\n')
            {
                continue;
            }

            var line = stream[start..i];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Length > maxFrameSize)
            {
                return (frames, true);
            }

            frames.Add(line);
            start = i + 1;
        }

        var tail = stream.Length - start;
        var tailContent = tail > 0 && stream[^1] == (byte)'\r' ? tail - 1 : tail;
        return (frames, tailContent > maxFrameSize);
    }

    public static (List<byte[]> Frames, bool Error) LengthPrefixed(byte[] stream, int maxFrameSize, int prefixBytes)
    {
        var frames = new List<byte[]>();
        var offset = 0;
        while (stream.Length - offset >= prefixBytes)
        {
            long length = 0;
            for (var i = 0; i < prefixBytes; i++)
            {
                length = (length << 8) | stream[offset + i];
            }

            if (length > maxFrameSize)
            {
                return (frames, true);
            }

            if (stream.Length - offset - prefixBytes < length)
            {
                break;
            }

            frames.Add(stream[(offset + prefixBytes)..(offset + prefixBytes + (int)length)]);
            offset += prefixBytes + (int)length;
        }

        return (frames, false);
    }

    public static List<byte[]> Raw(IEnumerable<byte[]> reads, int maxFrameSize) =>
        reads.SelectMany(read => read.Chunk(maxFrameSize)).ToList();
}
