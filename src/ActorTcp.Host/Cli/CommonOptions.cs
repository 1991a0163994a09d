using System.CommandLine;
using ActorTcp.Host.Configuration;

namespace ActorTcp.Host.Cli;

/// <summary>The options several commands share; each command gets instances of its own.</summary>
internal static class CommonOptions
{
    /// <summary><c>--config FILE</c>: a HOCON file merged over the built-in defaults; <c>ACTORTCP_CONFIG</c> when not given.</summary>
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "A HOCON file merged over the built-in defaults (default: $" + HostConfiguration.ConfigFileVariable + ")",
        HelpName = "FILE",
        DefaultValueFactory = _ => NonEmpty(Environment.GetEnvironmentVariable(HostConfiguration.ConfigFileVariable)),
    };

    /// <summary><c>--admin-url URL</c>: where a running instance's admin API answers.</summary>
    public static Option<Uri?> AdminUrl() => new("--admin-url")
    {
        Description = "The admin API of the running instance (default: from the configuration, e.g. http://127.0.0.1:7480)",
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }

            result.AddError($"--admin-url: \"{text}\" is not an http:// or https:// URL.");
            return null;
        },
    };

    /// <summary><c>--token TOKEN</c>: the admin token for mutating calls.</summary>
    public static Option<string?> Token() => new("--token")
    {
        Description = "The admin token (default: admin.token from the configuration)",
        HelpName = "TOKEN",
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
