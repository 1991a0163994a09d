using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorTcp.Load.Measurement;

/// <summary>
/// Reads the ActorTcp bench server's stats line (<c>heap=&lt;bytes&gt; connections=&lt;n&gt;</c>):
/// its managed heap after a full collection, which <c>/proc</c> cannot show.
/// </summary>
internal sealed class StatsProbe(IPEndPoint endPoint)
{
    /// <summary>The managed heap in bytes and the server's open connection count.</summary>
    public async Task<(long Heap, int Connections)> ReadAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint, cancellationToken);
        var buffer = new byte[256];
        var length = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        long heap = -1;
        var connections = -1;
        foreach (var pair in Encoding.ASCII.GetString(buffer, 0, length).Trim().Split(' '))
        {
            var parts = pair.Split('=');
            if (parts[0] == "heap")
            {
                heap = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "connections")
            {
                connections = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return (heap, connections);
    }
}
