using System.Globalization;
using ActorTcp.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Host.Configuration;

/// <summary>
/// Builds the host's configuration in order of precedence, lowest first: the built-in
/// <c>actortcp.conf</c>, the <c>--config</c> file merged over it, <c>ACTORTCP__GROUP__KEY</c>
/// environment variables, and the <c>--port</c> / <c>--admin-port</c> switches.
/// </summary>
internal static class HostConfiguration
{
    /// <summary>The name the built-in defaults go by in messages.</summary>
    public const string DefaultsName = "actortcp.conf (built in)";

    /// <summary>The environment variable that names the <c>--config</c> file when the switch is not given.</summary>
    public const string ConfigFileVariable = "ACTORTCP_CONFIG";

    /// <summary>Builds the configuration; a file that does not parse throws with its file, line and column.</summary>
    /// <param name="sources">The file and switches given on the command line.</param>
    public static IConfigurationRoot Build(HostConfigurationSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var builder = new ConfigurationBuilder().AddHoconString(ReadDefaults(), DefaultsName);
        if (sources.ConfigFile is { } file)
        {
            builder.AddHoconFile(Path.GetFullPath(file));
        }

        builder.AddEnvironmentVariables();
        var switches = new List<string>();
        if (sources.Port is { } port)
        {
            switches.Add(Switch("actortcp:listen:port", port));
        }

        if (sources.AdminPort is { } adminPort)
        {
            switches.Add(Switch("actortcp:admin:port", adminPort));
        }

        return builder.AddCommandLine([.. switches]).Build();
    }

    /// <summary>The text of the built-in <c>hocon/actortcp.conf</c>.</summary>
    public static string ReadDefaults()
    {
        using var stream = typeof(HostConfiguration).Assembly.GetManifestResourceStream("actortcp.conf")
            ?? throw new InvalidOperationException("The built-in actortcp.conf is missing from the host assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Switch(string key, int value) =>
        string.Create(CultureInfo.InvariantCulture, $"--{key}={value}");
}
