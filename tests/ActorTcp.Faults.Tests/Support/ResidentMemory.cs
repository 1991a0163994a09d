using System.Globalization;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>The process's resident set size as the kernel reports it (<c>VmRSS</c> in <c>/proc/self/status</c>).</summary>
public static class ResidentMemory
{
    public static long Bytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS line.");
    }
}
