using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Configuration;

/// <summary>
/// The console host's logging (HOCON section <c>actortcp.logging</c>). An embedding service configures
/// its own logging and ignores it.
/// </summary>
public sealed class LoggingOptions
{
    /// <summary>Lowest level written: trace, debug, information, warning, error, critical or none.</summary>
    [ConfigurationKeyName("level")]
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>Output format: text (one readable line per event) or json (one compact JSON object per line).</summary>
    [ConfigurationKeyName("format")]
    public LogFormat Format { get; set; } = LogFormat.Text;
}
