using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// Every setting of the connection manager, one property per HOCON group under <c>actortcp</c>.
/// Defaults here and in <c>hocon/reference.conf</c> are the same (a test checks it).
/// </summary>
public sealed class ActorTcpOptions
{
    /// <summary>The HOCON section this class binds from.</summary>
    public const string Section = OptionKey.Root;

    /// <summary>Where to listen.</summary>
    [ConfigurationKeyName("listen")]
    public ListenOptions Listen { get; set; } = new();

    /// <summary>Connection limits.</summary>
    [ConfigurationKeyName("limits")]
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>How bytes become frames.</summary>
    [ConfigurationKeyName("framing")]
    public FramingOptions Framing { get; set; } = new();

    /// <summary>The application heartbeat.</summary>
    [ConfigurationKeyName("heartbeat")]
    public HeartbeatOptions Heartbeat { get; set; } = new();

    /// <summary>Socket options.</summary>
    [ConfigurationKeyName("tcp")]
    public TcpOptions Tcp { get; set; } = new();

    /// <summary>The TIME_WAIT-aware teardown policy.</summary>
    [ConfigurationKeyName("teardown")]
    public TeardownOptions Teardown { get; set; } = new();

    /// <summary>Outbound backpressure.</summary>
    [ConfigurationKeyName("write")]
    public WriteOptions Write { get; set; } = new();

    /// <summary>Graceful stop.</summary>
    [ConfigurationKeyName("drain")]
    public DrainOptions Drain { get; set; } = new();

    /// <summary>Outbound long connections: connect timeout, sends while disconnected, reconnect back-off.</summary>
    [ConfigurationKeyName("outbound")]
    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>The handler the console host serves.</summary>
    [ConfigurationKeyName("handler")]
    public HandlerOptions Handler { get; set; } = new();

    /// <summary>The console host's admin HTTP API.</summary>
    [ConfigurationKeyName("admin")]
    public AdminOptions Admin { get; set; } = new();

    /// <summary>The console host's logging.</summary>
    [ConfigurationKeyName("logging")]
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>
    /// Rejects bad values with an <see cref="ActorTcpConfigurationException"/> naming the full key
    /// and the allowed range, instead of replacing them with defaults.
    /// </summary>
    /// <example>
    /// <code>
    /// var options = new ActorTcpOptions();
    /// options.Write.LowWatermark = options.Write.HighWatermark;
    /// options.Validate(); // throws: actortcp.write.low-watermark: 65536 must be at least 0 and less than ...
    /// </code>
    /// </example>
    public void Validate()
    {
        Listen.Validate(Key(nameof(Listen)));
        Limits.Validate(Key(nameof(Limits)));
        Framing.Validate(Key(nameof(Framing)));
        Heartbeat.Validate(Key(nameof(Heartbeat)));
        Tcp.Validate(Key(nameof(Tcp)));
        Teardown.Validate(Key(nameof(Teardown)));
        Write.Validate(Key(nameof(Write)));
        Drain.Validate(Key(nameof(Drain)));
        Outbound.Validate(Key(nameof(Outbound)));
        Handler.Validate(Key(nameof(Handler)));
        Admin.Validate(Key(nameof(Admin)));
    }

    private static string Key(string group) => OptionKey.Join(Section, OptionKey.Of<ActorTcpOptions>(group));
}
