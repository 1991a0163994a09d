using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorTcp.TestKit.Logging;

/// <summary>
/// A logger factory that keeps every entry at or above a minimum level — category, level, event id,
/// message, structured properties and exception — so a test can say what was (and was not) logged.
/// </summary>
/// <example>
/// <code>
/// var logs = new CapturingLoggerFactory(LogLevel.Information);
/// await using var system = ActorSystem.Create("test", new ActorSystemSettings { LoggerFactory = logs });
/// // ...
/// Assert.Empty(logs.Errors);
/// </code>
/// </example>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly LogLevel _minimumLevel;

    /// <summary>Creates a factory that keeps entries at <paramref name="minimumLevel"/> and above.</summary>
    /// <param name="minimumLevel">The lowest level kept; every level by default. A higher one spares the cost of Debug lines under load.</param>
    public CapturingLoggerFactory(LogLevel minimumLevel = LogLevel.Trace)
    {
        _minimumLevel = minimumLevel;
    }

    /// <summary>A snapshot of the entries so far, in the order they were written.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Entries at Error or Critical, each as "category: message exception".</summary>
    public IReadOnlyList<string> Errors =>
        [.. _entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}")];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    /// <param name="Category">The logger's category.</param>
    /// <param name="Level">The level.</param>
    /// <param name="EventId">The event id.</param>
    /// <param name="Message">The formatted message.</param>
    /// <param name="Properties">The structured values of the message template.</param>
    /// <param name="Exception">The exception logged with it, if any.</param>
    public sealed record LogEntry(
        string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);

    private sealed class CapturingLogger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var properties = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    properties[pair.Key] = pair.Value;
                }
            }

            factory._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), properties, exception));
        }
    }
}
