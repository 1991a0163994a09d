using System.Buffers;

namespace ActorTcp.Framing;

/// <summary>The write side of a framing mode: turns a payload into the bytes of one frame.</summary>
public interface IFrameEncoder
{
    /// <summary>How many bytes <see cref="Encode"/> writes for a payload of <paramref name="payloadLength"/> bytes.</summary>
    /// <param name="payloadLength">The payload size.</param>
    int GetEncodedLength(int payloadLength);

    /// <summary>Writes one frame carrying <paramref name="payload"/> to <paramref name="output"/>.</summary>
    /// <param name="payload">The frame payload.</param>
    /// <param name="output">Where the frame's bytes go, typically the connection's write queue.</param>
    /// <exception cref="ArgumentException">
    /// The payload cannot be framed: larger than <c>max-frame-size</c>, or a line containing a line break.
    /// </exception>
    void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output);
}
