using ActorTcp.Limits;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>Connection limits (HOCON section <c>actortcp.limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// Most connections open at once. The default keeps a process well below a 20,000 file
    /// descriptor limit with room for the listener, logs and outbound connections.
    /// </summary>
    [ConfigurationKeyName("max-connections")]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>
    /// Most connections from one remote address; 0 turns the per-address limit off, the default
    /// because devices behind one NAT gateway share an address.
    /// </summary>
    [ConfigurationKeyName("max-connections-per-ip")]
    public int MaxConnectionsPerIp { get; set; }

    /// <summary>What a connection over a limit gets: a reset, or the refusal line then a close.</summary>
    [ConfigurationKeyName("over-limit")]
    public OverLimitAction OverLimit { get; set; } = OverLimitAction.Refuse;

    /// <summary>The one line written to a refused connection (the framer adds the line end).</summary>
    [ConfigurationKeyName("refusal")]
    public string Refusal { get; set; } = "BUSY";

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.limits</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<LimitsOptions>(section);
        check.InRange(nameof(MaxConnections), MaxConnections, 1, int.MaxValue);
        check.InRange(nameof(MaxConnectionsPerIp), MaxConnectionsPerIp, 0, int.MaxValue);
        if (OverLimit == OverLimitAction.Refuse)
        {
            check.NotEmpty(nameof(Refusal), Refusal, "when over-limit = refuse");
        }

        if (Refusal.Contains('\n', StringComparison.Ordinal))
        {
            throw check.Fail(nameof(Refusal), "must be a single line (no line break).");
        }
    }
}
