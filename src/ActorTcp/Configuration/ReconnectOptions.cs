using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// How an outbound connection redials after a lost connection or a failed attempt (HOCON section
/// <c>actortcp.outbound.reconnect</c>): exponential back-off with full jitter, so many clients that
/// lost the same server do not redial it in step.
/// </summary>
public sealed class ReconnectOptions
{
    /// <summary>Redial after a loss or a failed attempt; off, the outbound connection stops instead.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>The ceiling of the first delay; each further attempt doubles the ceiling.</summary>
    [ConfigurationKeyName("min-backoff")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The highest ceiling a delay is drawn under, however many attempts have failed.</summary>
    [ConfigurationKeyName("max-backoff")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Redials in a row that may fail before the outbound connection gives up; 0 redials forever.</summary>
    [ConfigurationKeyName("max-attempts")]
    public int MaxAttempts { get; set; }

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.outbound.reconnect</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<ReconnectOptions>(section);
        check.InRange(nameof(MaxAttempts), MaxAttempts, 0, int.MaxValue);
        if (!Enabled)
        {
            return;
        }

        check.Positive(nameof(MinBackoff), MinBackoff);
        if (MaxBackoff < MinBackoff)
        {
            throw check.Fail(nameof(MaxBackoff),
                $"{MaxBackoff} must be at least {check.Key(nameof(MinBackoff))} ({MinBackoff}).");
        }
    }
}
