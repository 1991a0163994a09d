using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>HOCON text held in memory as a configuration source.</summary>
internal sealed class HoconStringConfigurationSource(string text, string? sourceName = null) : IConfigurationSource
{
    public string Text { get; } = text;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconStringConfigurationProvider(Text, sourceName);
}
