using ActorTcp.Configuration;

namespace ActorTcp.Framing;

/// <summary>Builds the framer and encoder that <c>framing.mode</c> names.</summary>
public static class FramerFactory
{
    /// <summary>Creates the framing mode's codec; the same instance reads and writes frames.</summary>
    /// <param name="options">Validated framing options.</param>
    /// <returns>A stateless codec, shared by every connection of the listener.</returns>
    public static IFrameCodec Create(FramingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            FramingMode.Line => new LineFramer(options.MaxFrameSize),
            FramingMode.LengthPrefixed => new LengthPrefixedFramer(options.MaxFrameSize, options.LengthPrefixBytes),
            FramingMode.Raw => new RawFramer(options.MaxFrameSize),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown framing mode."),
        };
    }
}
