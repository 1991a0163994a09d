using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>Socket options applied to every accepted connection (HOCON section <c>actortcp.tcp</c>).</summary>
public sealed class TcpOptions
{
    /// <summary>TCP_NODELAY: send small frames at once instead of waiting for Nagle's algorithm.</summary>
    [ConfigurationKeyName("no-delay")]
    public bool NoDelay { get; set; } = true;

    /// <summary>TCP keepalive for idle connections.</summary>
    [ConfigurationKeyName("keepalive")]
    public KeepaliveOptions Keepalive { get; set; } = new();

    /// <summary>
    /// TCP_USER_TIMEOUT: longest time sent data may stay unacknowledged before the kernel drops the
    /// connection (without it Linux retransmits for about 15 minutes); 0 leaves the kernel default.
    /// The default matches the keepalive budget (idle + interval × count) so the two agree.
    /// </summary>
    [ConfigurationKeyName("user-timeout")]
    public TimeSpan UserTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>SO_RCVBUF in bytes; 0 keeps the kernel's auto-tuning.</summary>
    [ConfigurationKeyName("receive-buffer-size")]
    public int ReceiveBufferSize { get; set; }

    /// <summary>SO_SNDBUF in bytes; 0 keeps the kernel's auto-tuning.</summary>
    [ConfigurationKeyName("send-buffer-size")]
    public int SendBufferSize { get; set; }

    /// <summary>
    /// SO_LINGER for graceful closes; null (the default) lets close() return at once while the kernel
    /// finishes sending. Resets never use this value: they always set linger on with 0 s.
    /// </summary>
    [ConfigurationKeyName("linger")]
    public TimeSpan? Linger { get; set; }

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.tcp</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<TcpOptions>(section);
        Keepalive.Validate(check.Key(nameof(Keepalive)));
        check.NotNegative(nameof(UserTimeout), UserTimeout);
        check.InRange(nameof(UserTimeout), (long)UserTimeout.TotalMilliseconds, 0, int.MaxValue);
        check.InRange(nameof(ReceiveBufferSize), ReceiveBufferSize, 0, int.MaxValue);
        check.InRange(nameof(SendBufferSize), SendBufferSize, 0, int.MaxValue);
        if (Linger is { } linger)
        {
            // A zero linger would turn every graceful close into a reset.
            check.InRange(nameof(Linger), (long)linger.TotalSeconds, 1, 3600);
        }
    }
}
