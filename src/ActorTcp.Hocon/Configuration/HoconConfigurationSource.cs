using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>A HOCON file as a configuration source; see <see cref="HoconConfigurationExtensions.AddHoconFile(IConfigurationBuilder, string, bool, bool)"/>.</summary>
public class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>
    /// Looks up environment variables for substitutions the file does not define; the process environment by
    /// default, null to disable the fallback.
    /// </summary>
    public Func<string, string?>? EnvironmentLookup { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Builds the <see cref="HoconConfigurationProvider"/> for this source.</summary>
    /// <param name="builder">The configuration builder.</param>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
