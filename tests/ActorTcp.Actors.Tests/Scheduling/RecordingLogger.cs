using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Tests.Scheduling;

/// <summary>A logger that keeps every entry so tests can check what was logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue(new LogEntry(logLevel, eventId, exception, formatter(state, exception)));

    internal sealed record LogEntry(LogLevel Level, EventId EventId, Exception? Exception, string Message);
}
