using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// TCP keepalive per socket (HOCON section <c>actortcp.tcp.keepalive</c>): SO_KEEPALIVE with
/// TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT. It finds dead peers of idle connections only;
/// <see cref="TcpOptions.UserTimeout"/> covers connections with unacknowledged data.
/// </summary>
public sealed class KeepaliveOptions
{
    /// <summary>Turns SO_KEEPALIVE on.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Idle time before the first probe (TCP_KEEPIDLE, whole seconds).</summary>
    [ConfigurationKeyName("idle")]
    public TimeSpan Idle { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time between probes (TCP_KEEPINTVL, whole seconds).</summary>
    [ConfigurationKeyName("interval")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unanswered probes before the kernel drops the connection (TCP_KEEPCNT).</summary>
    [ConfigurationKeyName("count")]
    public int Count { get; set; } = 6;

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.tcp.keepalive</c>.</param>
    public void Validate(string section)
    {
        if (!Enabled)
        {
            return;
        }

        var check = new OptionCheck<KeepaliveOptions>(section);

        // The kernel takes seconds (1 to 32767); a sub-second value would silently become 0.
        check.InRange(nameof(Idle), (long)Idle.TotalSeconds, 1, 32767);
        check.InRange(nameof(Interval), (long)Interval.TotalSeconds, 1, 32767);
        check.InRange(nameof(Count), Count, 1, 127);
    }
}
