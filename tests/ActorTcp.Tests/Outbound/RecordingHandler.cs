using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using ActorTcp.Handlers;
using ActorTcp.Outbound;
using ActorTcp.Teardown;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Outbound;

/// <summary>
/// A client handler that records, in order, everything it is told as a handler and as an observer,
/// closes by choice when the server says goodbye (<c>BYE</c>) and after the server's FIN.
/// </summary>
internal sealed class RecordingHandler : IConnectionHandler, IOutboundConnectionObserver
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();

    /// <summary>Everything told so far, in order (also what <see cref="NextAsync{T}"/> skipped).</summary>
    public ConcurrentQueue<object> History { get; } = new();

    public void OnConnected(IConnectionContext connection) => Record(new Connected(connection.RemoteEndPoint, connection.LocalEndPoint));

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        var text = Encoding.UTF8.GetString(frame);
        Record(new Frame(text));
        if (text == "BYE")
        {
            connection.Close();
        }
    }

    public void OnPeerClosed(IConnectionContext connection) => connection.Close();

    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    public void OnWritingResumed(IConnectionContext connection)
    {
    }

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed) => Record(new HandlerClosed(closed));

    public void OnConnectFailed(OutboundConnectFailure failure) => Record(failure);

    public void OnDisconnected(ConnectionClosed closed) => Record(new Disconnected(closed));

    public void OnReconnecting(OutboundReconnecting reconnecting) => Record(reconnecting);

    public void OnStopped(OutboundStopped stopped) => Record(stopped);

    /// <summary>The next event of type <typeparamref name="T"/>, skipping others, with a generous real-time bound.</summary>
    public async Task<T> NextAsync<T>(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TestClient.DefaultTimeout);
        try
        {
            while (true)
            {
                if (await _events.Reader.ReadAsync(cancellation.Token) is T match)
                {
                    return match;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(T).Name} within {timeout ?? TestClient.DefaultTimeout}; told so far: {string.Join(", ", History)}");
        }
    }

    /// <summary>The kinds of event told so far, in order, as short names (connected, disconnected, ...).</summary>
    public IReadOnlyList<string> Kinds() => [.. History.Select(Kind)];

    private static string Kind(object fact) => fact switch
    {
        Connected => "connected",
        Frame => "frame",
        HandlerClosed => "closed",
        Disconnected => "disconnected",
        OutboundConnectFailure => "connect-failed",
        OutboundReconnecting => "reconnecting",
        OutboundStopped => "stopped",
        _ => fact.GetType().Name,
    };

    private void Record(object fact)
    {
        History.Enqueue(fact);
        _events.Writer.TryWrite(fact);
    }

    public sealed record Connected(IPEndPoint RemoteEndPoint, IPEndPoint LocalEndPoint);

    public sealed record Frame(string Text);

    public sealed record HandlerClosed(ConnectionClosed Closed);

    public sealed record Disconnected(ConnectionClosed Closed);
}
