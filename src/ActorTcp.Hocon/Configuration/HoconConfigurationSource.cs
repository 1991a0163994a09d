using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>A HOCON file as a configuration source; see <see cref="HoconConfigurationExtensions.AddHoconFile(IConfigurationBuilder, string, bool, bool)"/>.</summary>
public class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>Builds the <see cref="HoconConfigurationProvider"/> for this source.</summary>
    /// <param name="builder">The configuration builder.</param>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
