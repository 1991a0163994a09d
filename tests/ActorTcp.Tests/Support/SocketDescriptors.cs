namespace ActorTcp.Tests.Support;

/// <summary>
/// Counts this process's open socket descriptors (<c>/proc/self/fd</c> entries linked to <c>socket:[inode]</c>).
/// Counting sockets only, not every descriptor, keeps the runtime's own files (assemblies and symbol
/// files it opens on first use, its pipes) from moving the figure.
/// </summary>
public static class SocketDescriptors
{
    public static int Count()
    {
        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(entry).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The descriptor was closed while the folder was read.
            }
        }

        return count;
    }
}
