using ActorTcp.Configuration;
using ActorTcp.Hocon;
using ActorTcp.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Host.Configuration;

/// <summary>
/// The host's configuration read, bound and checked once, with every error it has in the form
/// <c>file:line:column: key: problem</c>; <c>serve</c> starts only from one without errors.
/// </summary>
internal sealed class ResolvedConfiguration
{
    private ResolvedConfiguration(IConfigurationRoot? configuration, ActorTcpOptions options, IReadOnlyList<string> errors, IReadOnlyList<string> policyErrors)
    {
        Configuration = configuration;
        Options = options;
        Errors = errors;
        PolicyErrors = policyErrors;
    }

    /// <summary>The layered configuration, or null when a file could not be read or parsed.</summary>
    public IConfigurationRoot? Configuration { get; }

    /// <summary>The bound options (defaults wherever binding failed).</summary>
    public ActorTcpOptions Options { get; }

    /// <summary>Values that cannot be read or are out of range.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Valid values the host refuses to serve with (see <see cref="HostPolicy"/>).</summary>
    public IReadOnlyList<string> PolicyErrors { get; }

    /// <summary>Every error, value errors first.</summary>
    public IEnumerable<string> AllErrors => Errors.Concat(PolicyErrors);

    /// <summary>Whether <c>serve</c> may start with it.</summary>
    public bool CanServe => Errors.Count == 0 && PolicyErrors.Count == 0;

    /// <summary>Builds, binds and checks the configuration the command line describes.</summary>
    public static ResolvedConfiguration Load(HostConfigurationSources sources)
    {
        var options = new ActorTcpOptions();
        IConfigurationRoot configuration;
        try
        {
            configuration = HostConfiguration.Build(sources);
        }
        catch (Exception error) when (Unreadable(error, sources) is { } message)
        {
            return new ResolvedConfiguration(null, options, [message], []);
        }

        var errors = ActorTcpOptionsBinder.Check(configuration, options).Select(e => e.Message).ToList();
        var policyErrors = errors.Count == 0
            ? HostPolicy.Check(configuration, options).Select(e => e.Message).ToList()
            : [];
        return new ResolvedConfiguration(configuration, options, errors, policyErrors);
    }

    /// <summary>
    /// The message for a file that cannot be used at all: the file configuration provider wraps a parse
    /// error, whose own message already starts with file, line and column.
    /// </summary>
    private static string? Unreadable(Exception error, HostConfigurationSources sources) => error switch
    {
        HoconException hocon => hocon.Message,
        InvalidDataException { InnerException: HoconException hocon } => hocon.Message,
        FileNotFoundException => $"{sources.ConfigFile}: the configuration file does not exist.",
        IOException or UnauthorizedAccessException => $"{sources.ConfigFile}: the configuration file cannot be read: {error.Message}",
        _ => null,
    };
}
