using System.Buffers;
using System.Net.Sockets;
using ActorTcp.Configuration;
using ActorTcp.Framing;

namespace ActorTcp.Limits;

/// <summary>
/// Turns away a connection that is over a limit, as <c>limits.over-limit</c> says. Runs on the
/// manager's turn on a socket no connection actor owns yet, so it never blocks: the refusal is a few
/// bytes written into an empty send buffer.
/// </summary>
internal sealed class ConnectionRefusal
{
    private readonly OverLimitAction _action;
    private readonly byte[] _refusalFrame;

    /// <summary>Prepares the refusal frame once, framed as the listener frames everything it sends.</summary>
    /// <param name="options">The server's options.</param>
    public ConnectionRefusal(ActorTcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _action = options.Limits.OverLimit;
        var writer = new ArrayBufferWriter<byte>();
        FramerFactory.Create(options.Framing).Encode(System.Text.Encoding.UTF8.GetBytes(options.Limits.Refusal), writer);
        _refusalFrame = writer.WrittenSpan.ToArray();
    }

    /// <summary>Refuses and releases <paramref name="socket"/>.</summary>
    /// <param name="socket">The accepted socket; disposed when this returns.</param>
    public void Refuse(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using (socket)
        {
            try
            {
                if (_action == OverLimitAction.Refuse)
                {
                    // The refusal, then FIN: the client reads the line and then end of stream. We close
                    // first here, so this host holds the TIME_WAIT of a refused connection.
                    socket.Send(_refusalFrame, SocketFlags.None);
                    socket.Shutdown(SocketShutdown.Send);
                }
                else
                {
                    // Linger on with 0 s makes close() send RST: nothing is kept on either side.
                    socket.LingerState = new LingerOption(true, 0);
                }
            }
            catch (SocketException)
            {
                // The client is already gone; there is nobody left to tell.
            }
        }
    }
}
