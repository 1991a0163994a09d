using ActorTcp.Actors;
using Microsoft.Extensions.Logging;

namespace ActorTcp.TestKit;

/// <summary>How a <see cref="TestKit"/> builds its actor system; every property has a working default.</summary>
/// <example>
/// <code>
/// public sealed class ListenerTests() : TestKit(new TestKitOptions { UseRealTime = true })
/// {
/// }
/// </code>
/// </example>
public sealed record TestKitOptions
{
    /// <summary>The actor system's name. Default <c>test</c>.</summary>
    public string SystemName { get; init; } = "test";

    /// <summary>
    /// Run the system on <see cref="TimeProvider.System"/> instead of a <see cref="VirtualTime.VirtualTimeProvider"/>
    /// (for tests of real sockets or real waiting); <see cref="TestKit.Advance"/> is then unavailable. Default false.
    /// </summary>
    public bool UseRealTime { get; init; }

    /// <summary>
    /// The system's settings. Their <see cref="ActorSystemSettings.TimeProvider"/> is replaced by the
    /// kit's clock, and their <see cref="ActorSystemSettings.LoggerFactory"/> by the test output when
    /// the kit is given one. Default: the runtime's defaults.
    /// </summary>
    public ActorSystemSettings SystemSettings { get; init; } = new();

    /// <summary>How long expectations and waits last when given no bound. Default 3 seconds.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The least level written to the test output. Default <see cref="LogLevel.Information"/>.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
}
