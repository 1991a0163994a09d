using System.Buffers;
using System.Text;
using ActorTcp.Handlers;
using ActorTcp.Outbound;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Outbound.Docs;

public sealed class UpstreamHandler : IConnectionHandler, IOutboundConnectionObserver
{
    private readonly TaskCompletionSource<string> _firstPrice = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> FirstPrice => _firstPrice.Task;

    // Called on every connect and reconnect: the login goes out before any buffered frame.
    public void OnConnected(IConnectionContext connection) => connection.Send("LOGIN gateway-7"u8);

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        var line = Encoding.UTF8.GetString(frame);
        if (line.StartsWith("PRICE ", StringComparison.Ordinal))
        {
            _firstPrice.TrySetResult(line);
        }
    }

    public void OnPeerClosed(IConnectionContext connection) => connection.Close();

    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    public void OnWritingResumed(IConnectionContext connection)
    {
    }

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
    {
    }

    public void OnDisconnected(ConnectionClosed closed) => Console.WriteLine($"upstream lost: {closed.Reason}");

    public void OnReconnecting(OutboundReconnecting next) => Console.WriteLine($"redial {next.Attempt} in {next.Delay}");
}
