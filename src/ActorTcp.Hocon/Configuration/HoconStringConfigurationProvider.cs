using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>Loads HOCON text held in memory into configuration keys.</summary>
internal sealed class HoconStringConfigurationProvider(string text) : ConfigurationProvider
{
    public override void Load() => Data = HoconFlattener.Flatten(HoconConfig.Parse(text).Root);
}
