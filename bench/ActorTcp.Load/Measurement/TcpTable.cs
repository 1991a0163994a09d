using System.Globalization;
using System.Net;

namespace ActorTcp.Load.Measurement;

/// <summary>
/// Reads the kernel's TCP socket table of the current network namespace from <c>/proc/net/tcp</c>
/// and <c>/proc/net/tcp6</c> (a server bound to <c>::</c> shows its IPv4 peers there, mapped).
/// TIME_WAIT sockets belong to no process, so this table is the only place to count them.
/// </summary>
internal static class TcpTable
{
    /// <summary>Every socket in the table.</summary>
    public static List<KernelSocket> Read()
    {
        var sockets = new List<KernelSocket>();
        ReadFile("/proc/net/tcp", sockets);
        ReadFile("/proc/net/tcp6", sockets);
        return sockets;
    }

    /// <summary>
    /// Counts the sockets in <paramref name="state"/> on each side of connections to
    /// <paramref name="serverPort"/>: the server's (local port is the server port) and the
    /// clients' (remote port is the server port).
    /// </summary>
    public static (int Server, int Client) Count(int serverPort, TcpState state)
    {
        var server = 0;
        var client = 0;
        foreach (var socket in Read())
        {
            if (socket.State != state)
            {
                continue;
            }

            if (socket.Local.Port == serverPort)
            {
                server++;
            }
            else if (socket.Remote.Port == serverPort)
            {
                client++;
            }
        }

        return (server, client);
    }

    private static void ReadFile(string path, List<KernelSocket> sockets)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var reader = new StreamReader(path);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            // "  sl  local_address rem_address   st ..." – the first four columns are enough.
            var span = line.AsSpan().TrimStart();
            span = span[(span.IndexOf(' ') + 1)..].TrimStart();
            var localEnd = span.IndexOf(' ');
            var local = ParseEndPoint(span[..localEnd]);
            span = span[(localEnd + 1)..].TrimStart();
            var remoteEnd = span.IndexOf(' ');
            var remote = ParseEndPoint(span[..remoteEnd]);
            span = span[(remoteEnd + 1)..].TrimStart();
            var state = (TcpState)int.Parse(span[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            sockets.Add(new KernelSocket(local, remote, state));
        }
    }

    private static IPEndPoint ParseEndPoint(ReadOnlySpan<char> text)
    {
        // The address is the kernel's in-memory bytes printed as 32-bit words in host order
        // (little-endian here); the port is plain hex.
        var colon = text.IndexOf(':');
        var hex = text[..colon];
        var port = int.Parse(text[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            var value = uint.Parse(hex.Slice(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(word * 4, 4), value);
        }

        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new IPEndPoint(address, port);
    }
}
