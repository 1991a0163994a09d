using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorTcp.TestKit.Logging;

/// <summary>
/// Writes log entries to xunit's per-test output, so the runtime's and the actors' logs appear
/// beside the failing test that caused them.
/// </summary>
/// <example>
/// <code>
/// using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)));
/// </code>
/// </example>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    private readonly ITestOutputHelper _output;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a provider writing to <paramref name="output"/>.</summary>
    /// <param name="output">The test's output helper.</param>
    /// <param name="timeProvider">Stamps each line (the test's virtual clock, typically); default the system clock.</param>
    public TestOutputLoggerProvider(ITestOutputHelper output, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(_output, _timeProvider, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
