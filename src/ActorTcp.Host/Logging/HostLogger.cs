using System.Globalization;
using ActorTcp.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTcp.Host.Logging;

/// <summary>
/// The host's Serilog logger from <c>actortcp.logging</c>: the console sink, as readable lines or as one
/// compact JSON object per line, at the configured level.
/// </summary>
internal static class HostLogger
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Creates the logger; dispose it to flush.</summary>
    public static Logger Create(LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var level = ToSerilog(options.Level);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)

            // ASP.NET Core reports every admin request at Information; only its warnings matter here.
            .MinimumLevel.Override("Microsoft.AspNetCore", Max(level, LogEventLevel.Warning))
            .Enrich.FromLogContext();
        if (options.Level == LogLevel.None)
        {
            configuration.Filter.ByExcluding(_ => true);
        }

        return options.Format == LogFormat.Json
            ? configuration.WriteTo.Console(new CompactJsonFormatter()).CreateLogger()
            : configuration.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture).CreateLogger();
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };

    private static LogEventLevel Max(LogEventLevel a, LogEventLevel b) => a > b ? a : b;
}
