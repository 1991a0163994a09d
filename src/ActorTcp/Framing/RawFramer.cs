using System.Buffers;
using System.Globalization;

namespace ActorTcp.Framing;

/// <summary>
/// No framing: whatever arrived is a frame, cut into chunks of at most <c>max-frame-size</c> so a
/// handler never sees more than that at once. Nothing is ever left pending, so raw connections are
/// never a protocol error and never subject to frame-timeout.
/// </summary>
public sealed class RawFramer : IFrameCodec
{
    private readonly int _maxFrameSize;

    /// <summary>Creates a raw framer.</summary>
    /// <param name="maxFrameSize">Largest chunk handed on at once.</param>
    public RawFramer(int maxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _maxFrameSize = maxFrameSize;
    }

    /// <inheritdoc />
    public int MaxPendingBytes => 0;

    /// <inheritdoc />
    public FramingStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (buffer.IsEmpty)
        {
            frame = default;
            return FramingStatus.Incomplete;
        }

        frame = buffer.Slice(0, Math.Min(buffer.Length, _maxFrameSize));
        buffer = buffer.Slice(frame.End);
        return FramingStatus.Frame;
    }

    /// <inheritdoc />
    public bool HasPartialFrame(in ReadOnlySequence<byte> remaining) => false;

    /// <inheritdoc />
    public int GetEncodedLength(int payloadLength) => payloadLength;

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (payload.Length > _maxFrameSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {payload.Length}-byte write exceeds max-frame-size ({_maxFrameSize})."), nameof(payload));
        }

        output.Write(payload);
    }
}
