using System.Globalization;
using System.Net;

namespace ActorTcp.TestKit.Sockets;

/// <summary>
/// Reads the kernel's view of TCP sockets from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>, so a
/// test can assert what the operating system holds (CLOSE_WAIT leaks, TIME_WAIT attribution) rather
/// than what the application believes. The table is per network namespace: it shows the sockets of
/// the namespace the calling process runs in. Linux only.
/// </summary>
/// <example>
/// <code>
/// var leaked = KernelTcpTable.Count(KernelTcpState.CloseWait, localPort: server.Port);
/// Assert.Equal(0, leaked);
/// </code>
/// </example>
public static class KernelTcpTable
{
    private static readonly string[] TablePaths = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>Every TCP socket the kernel reports, IPv4 and IPv6.</summary>
    public static IReadOnlyList<KernelTcpSocket> ReadAll()
    {
        var sockets = new List<KernelTcpSocket>();
        foreach (var path in TablePaths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            // The first line is the column header.
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    sockets.Add(ParseRow(line));
                }
            }
        }

        return sockets;
    }

    /// <summary>
    /// Counts the sockets in <paramref name="state"/> whose local port is <paramref name="localPort"/>
    /// (when given) and whose remote port is <paramref name="remotePort"/> (when given).
    /// </summary>
    public static int Count(KernelTcpState state, int? localPort = null, int? remotePort = null)
    {
        var count = 0;
        foreach (var socket in ReadAll())
        {
            if (socket.State == state
                && (localPort is null || socket.LocalEndPoint.Port == localPort)
                && (remotePort is null || socket.RemoteEndPoint.Port == remotePort))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Parses one data row of <c>/proc/net/tcp</c> or <c>/proc/net/tcp6</c>.</summary>
    /// <exception cref="FormatException">The row does not have the kernel's layout.</exception>
    public static KernelTcpSocket ParseRow(string row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Columns: sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
        var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 10)
        {
            throw new FormatException($"A /proc/net/tcp row needs at least 10 columns, got {columns.Length}: '{row}'.");
        }

        var queues = columns[4].Split(':');
        return new KernelTcpSocket(
            ParseEndPoint(columns[1]),
            ParseEndPoint(columns[2]),
            (KernelTcpState)int.Parse(columns[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            long.Parse(queues[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            long.Parse(queues[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            long.Parse(columns[9], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Parses <c>ADDRESS:PORT</c> in the kernel's hex notation. The address is printed as 32-bit words
    /// in host byte order (little-endian here), the port as a plain big-endian number.
    /// </summary>
    private static IPEndPoint ParseEndPoint(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"Expected ADDRESS:PORT in hex, got '{text}'.");
        }

        var addressHex = text.AsSpan(0, colon);
        var port = int.Parse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (addressHex.Length is not (8 or 32))
        {
            throw new FormatException($"Expected an 8- or 32-digit hex address, got '{addressHex}'.");
        }

        var bytes = new byte[addressHex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            var value = uint.Parse(addressHex.Slice(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (!BitConverter.IsLittleEndian)
            {
                value = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
            }

            BitConverter.TryWriteBytes(bytes.AsSpan(word * 4, 4), value);
        }

        var address = new IPAddress(bytes);
        // Dual-stack sockets show IPv4 peers as ::ffff:a.b.c.d; report them as plain IPv4.
        return new IPEndPoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port);
    }
}
