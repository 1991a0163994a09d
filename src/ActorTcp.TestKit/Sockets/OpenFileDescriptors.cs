using System.Globalization;

namespace ActorTcp.TestKit.Sockets;

/// <summary>
/// Counts a process's open file descriptors from <c>/proc/PID/fd</c>: every socket is one, so a count
/// that does not return to its starting value after connections end is a socket leak. Linux only.
/// </summary>
public static class OpenFileDescriptors
{
    /// <summary>The number of open file descriptors of this process.</summary>
    public static int Count() => Count(Environment.ProcessId);

    /// <summary>The number of open file descriptors of the process <paramref name="processId"/>.</summary>
    public static int Count(int processId)
    {
        // Enumerating the folder opens one descriptor of its own; it is closed again before we return,
        // and the kernel lists it only while the enumeration runs, so it is counted and then removed.
        var path = "/proc/" + processId.ToString(CultureInfo.InvariantCulture) + "/fd";
        var count = Directory.EnumerateFileSystemEntries(path).Count();
        return processId == Environment.ProcessId ? count - 1 : count;
    }
}
