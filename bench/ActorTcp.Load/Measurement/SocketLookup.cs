using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorTcp.Load.Measurement;

/// <summary>
/// Looks up one TCP connection by its exact addresses and ports through the kernel's sock_diag
/// netlink interface (what <c>ss</c> uses). It is a hash lookup that answers in microseconds, where
/// reading the whole socket table takes milliseconds, so a connection can be checked at the very
/// moment that matters to it. Linux only.
/// </summary>
internal sealed partial class SocketLookup : IDisposable
{
    private const int NetlinkSockDiag = 4;
    private const ushort SockDiagByFamily = 20;
    private const ushort NetlinkError = 2;
    private const ushort RequestFlag = 1;
    private const int HeaderSize = 16;

    /// <summary>struct inet_diag_req_v2: family, protocol, extensions, padding, state mask, then the socket id.</summary>
    private const int RequestSize = 56;
    private const int Enoent = 2;
    private const int AfNetlink = 16;
    private const int SockRaw = 3;

    /// <summary>The netlink socket's descriptor: .NET's <see cref="Socket"/> knows no netlink family, so libc does the work.</summary>
    private readonly int _netlink;
    private readonly byte[] _request = new byte[HeaderSize + RequestSize];
    private readonly byte[] _response = new byte[8192];
    private uint _sequence;

    public SocketLookup()
    {
        _netlink = Socket(AfNetlink, SockRaw, NetlinkSockDiag);
        if (_netlink < 0)
        {
            throw new InvalidOperationException($"cannot open a sock_diag netlink socket: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// The state of the connection from <paramref name="local"/> to <paramref name="remote"/>, or
    /// null when there is none. An IPv6 endpoint (a dual-stack server's IPv4-mapped peers included)
    /// is looked up among the IPv6 sockets.
    /// </summary>
    public TcpState? Find(IPEndPoint local, IPEndPoint remote)
    {
        var request = _request.AsSpan();
        request.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)_request.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(request[4..], SockDiagByFamily);
        BinaryPrimitives.WriteUInt16LittleEndian(request[6..], RequestFlag);
        BinaryPrimitives.WriteUInt32LittleEndian(request[8..], ++_sequence);

        var body = request[HeaderSize..];
        body[0] = (byte)(local.AddressFamily == AddressFamily.InterNetworkV6 ? 10 : 2);
        body[1] = (byte)ProtocolType.Tcp;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], uint.MaxValue);

        // struct inet_diag_sockid: ports and addresses in network order, no interface, no cookie.
        var id = body[8..];
        BinaryPrimitives.WriteUInt16BigEndian(id, (ushort)local.Port);
        BinaryPrimitives.WriteUInt16BigEndian(id[2..], (ushort)remote.Port);
        local.Address.TryWriteBytes(id[4..20], out _);
        remote.Address.TryWriteBytes(id[20..36], out _);
        BinaryPrimitives.WriteUInt32LittleEndian(id[40..], uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(id[44..], uint.MaxValue);

        if (Send(_netlink, _request, _request.Length, 0) != _request.Length)
        {
            throw new InvalidOperationException($"sock_diag request failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var received = (int)Receive(_netlink, _response, _response.Length, 0);
        if (received < HeaderSize + 4)
        {
            throw new InvalidOperationException($"sock_diag reply failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var reply = _response.AsSpan(0, received);
        var type = BinaryPrimitives.ReadUInt16LittleEndian(reply[4..]);
        if (type == NetlinkError)
        {
            var error = -BinaryPrimitives.ReadInt32LittleEndian(reply[HeaderSize..]);
            return error == Enoent ? null : throw new InvalidOperationException($"sock_diag lookup failed with errno {error}");
        }

        // The kernel answers an exact lookup with the listening socket when no connection matches.
        var state = (TcpState)reply[HeaderSize + 1];
        return state == TcpState.Listen ? null : state;
    }

    public void Dispose() => Close(_netlink);

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(int socket, ReadOnlySpan<byte> buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Receive(int socket, Span<byte> buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
