using System.Globalization;
using ActorTcp.Framing;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>How the byte stream is cut into frames (HOCON section <c>actortcp.framing</c>).</summary>
public sealed class FramingOptions
{
    /// <summary>The largest frame accepted by the server; 16 MiB is a hard ceiling for one frame in memory.</summary>
    public const int MaxFrameSizeCeiling = 16 * 1024 * 1024;

    /// <summary>Line, length-prefixed or raw.</summary>
    [ConfigurationKeyName("mode")]
    public FramingMode Mode { get; set; } = FramingMode.Line;

    /// <summary>
    /// Largest frame payload in bytes; a bigger frame is a protocol error, never an allocation.
    /// In raw mode, the largest chunk handed to the handler at once.
    /// </summary>
    [ConfigurationKeyName("max-frame-size")]
    public int MaxFrameSize { get; set; } = 64 * 1024;

    /// <summary>Width of the big-endian length prefix in length-prefixed mode: 1, 2 or 4 bytes.</summary>
    [ConfigurationKeyName("length-prefix-bytes")]
    public int LengthPrefixBytes { get; set; } = 4;

    /// <summary>
    /// Longest time a started frame may take to complete; a peer that dribbles a frame slower than
    /// that (slowloris) is closed with a protocol error.
    /// </summary>
    [ConfigurationKeyName("frame-timeout")]
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.framing</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<FramingOptions>(section);
        check.InRange(nameof(MaxFrameSize), MaxFrameSize, 1, MaxFrameSizeCeiling);
        if (LengthPrefixBytes is not (1 or 2 or 4))
        {
            throw check.Fail(nameof(LengthPrefixBytes), string.Create(CultureInfo.InvariantCulture,
                $"{LengthPrefixBytes} is not allowed, allowed 1, 2 or 4."));
        }

        check.Positive(nameof(FrameTimeout), FrameTimeout);
    }
}
