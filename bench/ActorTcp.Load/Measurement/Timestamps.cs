using System.Diagnostics;

namespace ActorTcp.Load.Measurement;

/// <summary>Conversions between <see cref="Stopwatch"/> timestamps, which every timing here reads, and seconds or durations.</summary>
internal static class Timestamps
{
    /// <summary>A span of <paramref name="timestamps"/> in seconds.</summary>
    public static double ToSeconds(long timestamps) => (double)timestamps / Stopwatch.Frequency;

    /// <summary><paramref name="duration"/> as a span of timestamps.</summary>
    public static long From(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);
}
