using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>Graceful stop (HOCON section <c>actortcp.drain</c>).</summary>
public sealed class DrainOptions
{
    /// <summary>
    /// Longest a drain waits for connections to close the TIME_WAIT-aware way before resetting the
    /// rest; the default covers peer-close-grace plus fin-wait-timeout with room to spare.
    /// </summary>
    [ConfigurationKeyName("timeout")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.drain</c>.</param>
    public void Validate(string section) =>
        new OptionCheck<DrainOptions>(section).Positive(nameof(Timeout), Timeout);
}
