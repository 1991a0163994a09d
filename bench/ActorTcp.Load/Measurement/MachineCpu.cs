using System.Globalization;

namespace ActorTcp.Load.Measurement;

/// <summary>
/// The machine's CPU time counters at one moment, from the <c>cpu</c> line of <c>/proc/stat</c>, for
/// the share of time the hypervisor took the virtual CPUs away ("steal"). On a shared virtual
/// machine a stolen stretch stalls every process at once, the server and the load generator
/// alike; a timing run is only as exact as the machine was quiet, so the runs report it.
/// </summary>
/// <param name="Steal">Time the virtual CPUs were ready to run but not running, in clock ticks.</param>
/// <param name="Total">All CPU time counted, in the same ticks.</param>
internal readonly record struct MachineCpu(long Steal, long Total)
{
    /// <summary>Index of the steal field in the line after "cpu": user nice system idle iowait irq softirq steal.</summary>
    private const int StealField = 7;

    /// <summary>Reads the counters now; zero counters where there is no <c>/proc/stat</c>.</summary>
    public static MachineCpu Read()
    {
        const string Path = "/proc/stat";
        if (!File.Exists(Path))
        {
            return default;
        }

        using var reader = new StreamReader(Path);
        var line = reader.ReadLine();
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return default;
        }

        // Guest time is already counted in user time, so only the first eight fields add up to the total.
        var fields = line["cpu ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 0; i <= StealField && i < fields.Length; i++)
        {
            total += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        var steal = fields.Length > StealField ? long.Parse(fields[StealField], CultureInfo.InvariantCulture) : 0;
        return new MachineCpu(steal, total);
    }

    /// <summary>The share of all CPU time between <paramref name="earlier"/> and this reading that was stolen, in percent; 0 when none was counted.</summary>
    public double StealPercentSince(MachineCpu earlier) =>
        Total <= earlier.Total ? 0 : 100.0 * (Steal - earlier.Steal) / (Total - earlier.Total);
}
