using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// Outbound long connections, the client side (HOCON section <c>actortcp.outbound</c>): how long a
/// dial may take, what happens to sends while there is no connection, and how to redial.
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>The largest value of <see cref="BufferWhileDisconnected"/>: 1 GiB.</summary>
    public const int MaxBufferWhileDisconnected = 1 << 30;

    /// <summary>Longest one attempt may take, name resolution and every address tried included.</summary>
    [ConfigurationKeyName("connect-timeout")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Payload bytes held while disconnected and sent after the next connect; 0 rejects every send
    /// made while disconnected, and the caller is told so.
    /// </summary>
    [ConfigurationKeyName("buffer-while-disconnected")]
    public int BufferWhileDisconnected { get; set; }

    /// <summary>Redialling with back-off.</summary>
    [ConfigurationKeyName("reconnect")]
    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.outbound</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<OutboundOptions>(section);
        check.Positive(nameof(ConnectTimeout), ConnectTimeout);
        check.InRange(nameof(BufferWhileDisconnected), BufferWhileDisconnected, 0, MaxBufferWhileDisconnected);
        Reconnect.Validate(check.Key(nameof(Reconnect)));
    }
}
