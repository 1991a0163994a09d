using ActorTcp.Hocon.Values;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>Loads HOCON text held in memory into configuration keys.</summary>
internal sealed class HoconStringConfigurationProvider(string text, string? sourceName) : ConfigurationProvider, IHoconOrigins
{
    private Dictionary<string, HoconOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);

    public override void Load()
    {
        Data = HoconFlattener.Flatten(HoconConfig.Parse(text, new HoconParseOptions { SourceName = sourceName }).Root, out var origins);
        _origins = origins;
    }

    public bool TryGetOrigin(string key, out HoconOrigin origin) => _origins.TryGetValue(key, out origin);
}
