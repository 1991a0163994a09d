using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Tests.Listening;

/// <summary>Keeps every log event with its properties, at every level, for tests that synchronise on events.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(string EventName, IReadOnlyDictionary<string, object?> Properties)> Events { get; } = new();

    public int Count(string eventName) => Events.Count(e => e.EventName == eventName);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        Events.Enqueue((eventId.Name ?? string.Empty, properties));
    }
}
