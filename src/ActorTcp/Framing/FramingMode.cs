namespace ActorTcp.Framing;

/// <summary>How the byte stream is cut into frames (key <c>framing.mode</c>).</summary>
public enum FramingMode
{
    /// <summary>Text lines ended by <c>\n</c> or <c>\r\n</c>; see <see cref="LineFramer"/>.</summary>
    Line,

    /// <summary>A 1, 2 or 4-byte big-endian length, then that many bytes; see <see cref="LengthPrefixedFramer"/>.</summary>
    LengthPrefixed,

    /// <summary>Whatever arrived is a frame; see <see cref="RawFramer"/>.</summary>
    Raw,
}
