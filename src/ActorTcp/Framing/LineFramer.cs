using System.Buffers;
using System.Globalization;

namespace ActorTcp.Framing;

/// <summary>
/// Text lines: a frame ends at <c>\n</c>, and a <c>\r</c> right before it is part of the delimiter,
/// so <c>\n</c> and <c>\r\n</c> peers both work. Frames carry no delimiter; an empty line is an
/// empty frame. Encoding writes the payload and <c>\n</c>.
/// </summary>
public sealed class LineFramer : IFrameCodec
{
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly int _maxFrameSize;

    /// <summary>Creates a line framer.</summary>
    /// <param name="maxFrameSize">Largest line in bytes without its delimiter.</param>
    public LineFramer(int maxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _maxFrameSize = maxFrameSize;
    }

    /// <inheritdoc />
    /// <remarks>A full-size line whose <c>\r</c> has arrived but whose <c>\n</c> has not.</remarks>
    public int MaxPendingBytes => _maxFrameSize + 1;

    /// <inheritdoc />
    public FramingStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        var first = buffer.FirstSpan;
        var index = first.IndexOf(Lf);
        if (index >= 0)
        {
            // Common case: the whole line lies in the first segment; slice it without walking segments.
            var length = index > 0 && first[index - 1] == Cr ? index - 1 : index;
            if (length > _maxFrameSize)
            {
                return FramingStatus.ProtocolError;
            }

            frame = buffer.Slice(0, length);
            buffer = buffer.Slice(index + 1);
            return FramingStatus.Frame;
        }

        var end = buffer.PositionOf(Lf);
        if (end is not { } lf)
        {
            // No line end yet: what is buffered is already too long unless it fits, allowing for a
            // trailing '\r' whose '\n' is still on the way.
            var content = buffer.Length - (EndsWithCr(buffer) ? 1 : 0);
            return content > _maxFrameSize ? FramingStatus.ProtocolError : FramingStatus.Incomplete;
        }

        var line = buffer.Slice(0, lf);
        if (EndsWithCr(line))
        {
            line = line.Slice(0, line.Length - 1);
        }

        if (line.Length > _maxFrameSize)
        {
            return FramingStatus.ProtocolError;
        }

        frame = line;
        buffer = buffer.Slice(buffer.GetPosition(1, lf));
        return FramingStatus.Frame;
    }

    /// <inheritdoc />
    public bool HasPartialFrame(in ReadOnlySequence<byte> remaining) => !remaining.IsEmpty;

    /// <inheritdoc />
    public int GetEncodedLength(int payloadLength) => payloadLength + 1;

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (payload.Length > _maxFrameSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {payload.Length}-byte line exceeds max-frame-size ({_maxFrameSize})."), nameof(payload));
        }

        if (payload.Contains(Lf))
        {
            throw new ArgumentException("A line frame cannot contain '\\n'.", nameof(payload));
        }

        var span = output.GetSpan(payload.Length + 1);
        payload.CopyTo(span);
        span[payload.Length] = Lf;
        output.Advance(payload.Length + 1);
    }

    private static bool EndsWithCr(in ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        if (bytes.IsSingleSegment)
        {
            return bytes.FirstSpan[^1] == Cr;
        }

        return bytes.Slice(bytes.Length - 1).FirstSpan[0] == Cr;
    }
}
