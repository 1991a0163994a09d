namespace ActorTcp.Load.Measurement;

/// <summary>A process's resident memory and CPU time at one moment, from <c>/proc/PID</c>.</summary>
/// <param name="RssBytes">VmRSS.</param>
/// <param name="CpuTime">User plus system CPU time since the process started.</param>
/// <param name="At">When it was read, on the monotonic clock.</param>
internal readonly record struct ProcessSample(long RssBytes, TimeSpan CpuTime, TimeSpan At)
{
    /// <summary>The share of one core this process used between <paramref name="earlier"/> and this sample, in percent.</summary>
    public double CpuPercentSince(ProcessSample earlier) =>
        At <= earlier.At ? 0 : 100.0 * (CpuTime - earlier.CpuTime).TotalSeconds / (At - earlier.At).TotalSeconds;
}
