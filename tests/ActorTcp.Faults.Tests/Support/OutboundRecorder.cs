using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ActorTcp.Handlers;
using ActorTcp.Outbound;
using ActorTcp.Teardown;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// The handler of an outbound connection under test: records every event the connection and its
/// supervisor report, in order, stamped on one stopwatch, and the text of every frame received.
/// </summary>
public sealed class OutboundRecorder : IConnectionHandler, IOutboundConnectionObserver
{
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Every event in order: "connected", "closed", "disconnected", "reconnecting", "connect-failed", "stopped".</summary>
    public ConcurrentQueue<(string Kind, TimeSpan At)> Events { get; } = new();

    public ConcurrentQueue<ConnectionClosed> Disconnects { get; } = new();

    public ConcurrentQueue<string> Frames { get; } = new();

    public int Count(string kind) => Events.Count(e => e.Kind == kind);

    public TimeSpan FirstAt(string kind, TimeSpan after) => Events.First(e => e.Kind == kind && e.At >= after).At;

    public void OnConnected(IConnectionContext connection) => Record("connected");

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame) => Frames.Enqueue(Encoding.UTF8.GetString(frame));

    public void OnPeerClosed(IConnectionContext connection) => connection.Close();

    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    public void OnWritingResumed(IConnectionContext connection)
    {
    }

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed) => Record("closed");

    public void OnConnectFailed(OutboundConnectFailure failure) => Record("connect-failed");

    public void OnDisconnected(ConnectionClosed closed)
    {
        Disconnects.Enqueue(closed);
        Record("disconnected");
    }

    public void OnReconnecting(OutboundReconnecting reconnecting) => Record("reconnecting");

    public void OnStopped(OutboundStopped stopped) => Record("stopped");

    private void Record(string kind) => Events.Enqueue((kind, Clock.Elapsed));
}
