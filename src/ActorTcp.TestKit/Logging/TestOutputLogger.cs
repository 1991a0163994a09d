using System.Globalization;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorTcp.TestKit.Logging;

/// <summary>One category's logger of a <see cref="TestOutputLoggerProvider"/>.</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output, TimeProvider timeProvider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{timeProvider.GetUtcNow():HH:mm:ss.fff} [{logLevel}] {category}: {formatter(state, exception)}");
        if (exception is not null)
        {
            line += Environment.NewLine + exception;
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once its test has finished; a late log line of a stopping actor is not worth failing for.
        }
    }
}
