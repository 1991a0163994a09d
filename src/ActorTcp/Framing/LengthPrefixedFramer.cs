using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace ActorTcp.Framing;

/// <summary>
/// Binary frames: a 1, 2 or 4-byte big-endian unsigned length, then that many payload bytes. A
/// declared length above <c>max-frame-size</c> is a protocol error as soon as the prefix is read,
/// before any payload is buffered, so a hostile length never turns into an allocation.
/// </summary>
public sealed class LengthPrefixedFramer : IFrameCodec
{
    private readonly int _maxFrameSize;
    private readonly int _prefixBytes;

    /// <summary>Creates a length-prefixed framer.</summary>
    /// <param name="maxFrameSize">Largest payload in bytes.</param>
    /// <param name="prefixBytes">Width of the length prefix: 1, 2 or 4.</param>
    public LengthPrefixedFramer(int maxFrameSize, int prefixBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        if (prefixBytes is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(prefixBytes), prefixBytes, "Allowed 1, 2 or 4.");
        }

        _maxFrameSize = maxFrameSize;
        _prefixBytes = prefixBytes;
    }

    /// <inheritdoc />
    /// <remarks>A prefix plus all but the last byte of the largest frame the prefix can declare.</remarks>
    public int MaxPendingBytes => _prefixBytes + (int)Math.Min(_maxFrameSize, LargestDeclarable) - 1;

    private long LargestDeclarable => _prefixBytes == 4 ? uint.MaxValue : (1L << (8 * _prefixBytes)) - 1;

    /// <inheritdoc />
    public FramingStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < _prefixBytes)
        {
            return FramingStatus.Incomplete;
        }

        var length = ReadLength(buffer);
        if (length > (uint)_maxFrameSize)
        {
            return FramingStatus.ProtocolError;
        }

        if (buffer.Length - _prefixBytes < length)
        {
            return FramingStatus.Incomplete;
        }

        frame = buffer.Slice(_prefixBytes, length);
        buffer = buffer.Slice(frame.End);
        return FramingStatus.Frame;
    }

    /// <inheritdoc />
    public bool HasPartialFrame(in ReadOnlySequence<byte> remaining) => !remaining.IsEmpty;

    /// <inheritdoc />
    public int GetEncodedLength(int payloadLength) => _prefixBytes + payloadLength;

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (payload.Length > _maxFrameSize || payload.Length > LargestDeclarable)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {payload.Length}-byte frame exceeds max-frame-size ({_maxFrameSize}) or the {_prefixBytes}-byte prefix."),
                nameof(payload));
        }

        var span = output.GetSpan(_prefixBytes + payload.Length);
        switch (_prefixBytes)
        {
            case 1:
                span[0] = (byte)payload.Length;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)payload.Length);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(span, (uint)payload.Length);
                break;
        }

        payload.CopyTo(span[_prefixBytes..]);
        output.Advance(_prefixBytes + payload.Length);
    }

    private uint ReadLength(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[4];
        var first = buffer.FirstSpan;
        if (first.Length >= _prefixBytes)
        {
            first[.._prefixBytes].CopyTo(prefix);
        }
        else
        {
            // The prefix straddles segments: copy its few bytes out, still without allocating.
            buffer.Slice(0, _prefixBytes).CopyTo(prefix);
        }

        return _prefixBytes switch
        {
            1 => prefix[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(prefix),
            _ => BinaryPrimitives.ReadUInt32BigEndian(prefix),
        };
    }
}
