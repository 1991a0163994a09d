using ActorTcp.Hocon.Values;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>
/// Loads a HOCON file into configuration keys (<c>a:b:0</c>), following its includes relative to the file.
/// A file that fails to parse or resolve yields no data at all; the error names file, line, column and key.
/// Includes are found next to the file when the source's file provider maps to disk (the default).
/// </summary>
public class HoconConfigurationProvider : FileConfigurationProvider, IHoconOrigins
{
    private readonly Func<string, string?>? _environmentLookup;
    private Dictionary<string, HoconOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a provider for <paramref name="source"/>.</summary>
    /// <param name="source">The file source.</param>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source) => _environmentLookup = source?.EnvironmentLookup;

    /// <summary>Parses the file's content; includes are resolved next to the file on disk.</summary>
    /// <param name="stream">The file's content.</param>
    /// <exception cref="HoconException">The file is invalid.</exception>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var physicalPath = Source.FileProvider?.GetFileInfo(Source.Path ?? string.Empty).PhysicalPath;
        var options = new HoconParseOptions
        {
            SourceName = physicalPath ?? Source.Path,
            BaseDirectory = physicalPath is null ? null : Path.GetDirectoryName(physicalPath),
            EnvironmentLookup = _environmentLookup,
        };
        Data = HoconFlattener.Flatten(HoconConfig.Parse(text, options).Root, out var origins);
        _origins = origins;
    }

    /// <inheritdoc />
    public bool TryGetOrigin(string key, out HoconOrigin origin) => _origins.TryGetValue(key, out origin);
}
