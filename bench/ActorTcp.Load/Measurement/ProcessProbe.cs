using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ActorTcp.Load.Measurement;

/// <summary>Reads another process's RSS (<c>/proc/PID/status</c>) and CPU time (<c>/proc/PID/stat</c>).</summary>
internal sealed partial class ProcessProbe(int pid)
{
    private const int ScClockTicks = 2;

    private static readonly long ClockTicksPerSecond = ReadClockTicks();

    /// <summary>The process watched.</summary>
    public int Pid { get; } = pid;

    /// <summary>Reads the process's figures now.</summary>
    public ProcessSample Sample()
    {
        var at = Stopwatch.GetElapsedTime(0);
        return new ProcessSample(ReadRss(), ReadCpuTime(), at);
    }

    private long ReadRss()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no VmRSS line");
    }

    private TimeSpan ReadCpuTime()
    {
        // The command name in field 2 may hold spaces; the fields after its closing parenthesis
        // are fixed: utime and stime are the 14th and 15th fields of the whole line.
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    private static long ReadClockTicks()
    {
        var ticks = SysConf(ScClockTicks);
        return ticks > 0 ? ticks : 100;
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
