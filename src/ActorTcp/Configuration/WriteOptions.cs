using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>Outbound backpressure per connection (HOCON section <c>actortcp.write</c>).</summary>
public sealed class WriteOptions
{
    /// <summary>Queued bytes at which writing is suspended (the handler is told, reading may pause).</summary>
    [ConfigurationKeyName("high-watermark")]
    public int HighWatermark { get; set; } = 64 * 1024;

    /// <summary>Queued bytes at or below which writing resumes; below the high mark so the two do not flap.</summary>
    [ConfigurationKeyName("low-watermark")]
    public int LowWatermark { get; set; } = 16 * 1024;

    /// <summary>Longest time the queue may stay above the high watermark before the peer is a slow consumer.</summary>
    [ConfigurationKeyName("slow-consumer-timeout")]
    public TimeSpan SlowConsumerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.write</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<WriteOptions>(section);
        check.InRange(nameof(HighWatermark), HighWatermark, 1, int.MaxValue / 2);
        if (LowWatermark < 0 || LowWatermark >= HighWatermark)
        {
            throw check.Fail(nameof(LowWatermark), string.Create(CultureInfo.InvariantCulture,
                $"{LowWatermark} must be at least 0 and less than {check.Key(nameof(HighWatermark))} ({HighWatermark})."));
        }

        check.Positive(nameof(SlowConsumerTimeout), SlowConsumerTimeout);
    }
}
