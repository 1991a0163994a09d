using System.Buffers;

namespace ActorTcp.Framing;

/// <summary>
/// Cuts an inbound byte stream into frames without copying: each frame is a slice of the buffer the
/// socket filled, valid until the buffer is advanced past it.
/// </summary>
/// <remarks>
/// <para>
/// Framers are stateless and shared by all connections of a listener: what is not yet a frame
/// stays in the caller's buffer (a pipe), so an idle connection holds no framing state and a framer
/// never allocates. Instead of throwing on bad input, a framer returns
/// <see cref="FramingStatus.ProtocolError"/>, so a peer's garbage costs one status check, not an
/// exception.
/// </para>
/// <para>
/// Memory is bounded by construction: a framer reports a protocol error as soon as the unconsumed
/// bytes could no longer become a frame of at most <c>max-frame-size</c>, so a connection never holds
/// more than <see cref="MaxPendingBytes"/> plus one read.
/// </para>
/// </remarks>
/// <example>
/// Draining a <c>PipeReader</c>:
/// <code>
/// var result = await reader.ReadAsync();
/// var buffer = result.Buffer;
/// FramingStatus status;
/// while ((status = framer.TryReadFrame(ref buffer, out var frame)) == FramingStatus.Frame)
/// {
///     handler.OnFrame(frame);                 // frame is valid until AdvanceTo below
/// }
/// if (status == FramingStatus.ProtocolError) { /* lifecycle: ProtocolViolated */ }
/// var pending = framer.HasPartialFrame(buffer); // frame-timeout runs while this is true
/// reader.AdvanceTo(buffer.Start, buffer.End);
/// </code>
/// </example>
public interface IFramer
{
    /// <summary>
    /// The most bytes this framer may leave unconsumed without reporting a protocol error: a
    /// connection's inbound buffer never exceeds this plus one read.
    /// </summary>
    int MaxPendingBytes { get; }

    /// <summary>Slices the next frame off the front of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The unconsumed bytes; on <see cref="FramingStatus.Frame"/> it is advanced past the frame.</param>
    /// <param name="frame">The frame payload (delimiter or prefix removed) when a frame was read.</param>
    /// <returns>Whether a frame was read, more bytes are needed, or the bytes break the framing.</returns>
    FramingStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);

    /// <summary>
    /// Whether the bytes left after reading every complete frame are the start of a frame, so the
    /// shell can bound how long a started frame may take (<c>framing.frame-timeout</c>).
    /// </summary>
    /// <param name="remaining">The buffer left after the last <see cref="TryReadFrame"/> call.</param>
    bool HasPartialFrame(in ReadOnlySequence<byte> remaining);
}
