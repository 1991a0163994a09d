using ActorTcp.Hocon.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace ActorTcp.Hosting.Configuration;

/// <summary>
/// Says where the value of a configuration key came from: the provider that wins for the key (the last
/// one added that has it) is asked, so a HOCON file answers <c>file:line:column</c>, an environment
/// variable its name, the command line itself.
/// </summary>
/// <example>
/// <code>
/// var configuration = new ConfigurationBuilder().AddHoconFile("app.conf").AddEnvironmentVariables().Build();
/// ConfigurationKeyOrigin.Find(configuration, "actortcp.heartbeat.interval"); // "/srv/app.conf:7:5"
/// </code>
/// </example>
public static class ConfigurationKeyOrigin
{
    /// <summary>Where the value of <paramref name="key"/> was written, or null when no provider says.</summary>
    /// <param name="configuration">The configuration the value was read from.</param>
    /// <param name="key">A HOCON key (<c>actortcp.heartbeat.idle-timeout</c>) or a configuration path (<c>actortcp:heartbeat:IDLE_TIMEOUT</c>).</param>
    public static string? Find(IConfigurationRoot configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        return FindPath(configuration, key.Replace('.', ':'));
    }

    private static string? FindPath(IConfigurationRoot configuration, string path)
    {
        // Environment variables cannot hold '-', so they spell idle-timeout as IDLE_TIMEOUT; both spellings
        // are asked of each provider so that the one that wins is the one named.
        var underscored = path.Replace('-', '_');
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(path, out _))
            {
                if (!provider.TryGet(underscored, out _))
                {
                    continue;
                }

                path = underscored;
            }

            return provider switch
            {
                IHoconOrigins hocon when hocon.TryGetOrigin(path, out var origin) => origin.ToString(),
                EnvironmentVariablesConfigurationProvider => "environment variable " + path.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(),
                CommandLineConfigurationProvider => "command line",
                ChainedConfigurationProvider { Configuration: IConfigurationRoot inner } => FindPath(inner, path),
                _ => null,
            };
        }

        return null;
    }
}
