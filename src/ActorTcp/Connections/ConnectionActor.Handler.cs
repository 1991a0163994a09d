using System.Buffers;
using System.Net;
using ActorTcp.Handlers;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>
/// The handler's side: every call into the handler is guarded (a throw closes this connection with
/// HandlerFailed and goes no further), and the actor is the handler's <see cref="IConnectionContext"/>,
/// so a connection needs no context object of its own.
/// </summary>
public sealed partial class ConnectionActor : IConnectionContext
{
    long IConnectionContext.Id => _info.Id;

    IPEndPoint IConnectionContext.RemoteEndPoint => _info.RemoteEndPoint;

    IPEndPoint IConnectionContext.LocalEndPoint => _info.LocalEndPoint;

    LifecycleState IConnectionContext.State => _status.State;

    ConnectionInfo IConnectionContext.Info => _info;

    bool IConnectionContext.IsWritingSuspended => _writeQueue?.IsSuspended ?? false;

    EnqueueResult IConnectionContext.Send(ReadOnlySpan<byte> payload) => Send(payload);

    EnqueueResult IConnectionContext.Send(ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            return Send(payload.FirstSpan);
        }

        if (payload.Length > _settings.Options.Framing.MaxFrameSize)
        {
            // Rejected before copying: a frame that cannot be sent is not worth a buffer.
            throw new ArgumentException(
                $"A {payload.Length}-byte frame exceeds max-frame-size ({_settings.Options.Framing.MaxFrameSize}).", nameof(payload));
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        try
        {
            payload.CopyTo(copy);
            return Send(copy.AsSpan(0, (int)payload.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    void IConnectionContext.Close() => Apply(new LifecycleEvent.CloseRequested(CloseReason.LocalClose));

    void IConnectionContext.Abort() => Apply(new LifecycleEvent.AbortRequested(CloseReason.Aborted));

    private void NotifyConnected()
    {
        try
        {
            _handler.OnConnected(this);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(exception);
        }
    }

    private void DeliverFrame(in ReadOnlySequence<byte> frame)
    {
        try
        {
            _handler.OnFrame(this, frame);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(exception);
        }
    }

    private void NotifyPeerClosed()
    {
        try
        {
            _handler.OnPeerClosed(this);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(exception);
        }
    }

    private void NotifySuspended()
    {
        try
        {
            _handler.OnWritingSuspended(this);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(exception);
        }
    }

    private void NotifyResumed()
    {
        try
        {
            _handler.OnWritingResumed(this);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(exception);
        }
    }

    private void NotifyClosed(ConnectionClosed closed)
    {
        try
        {
            _handler.OnClosed(this, closed);
        }
        catch (Exception exception)
        {
            // The connection is already closed; there is nothing left to tear down.
            ConnectionLog.HandlerFailed(_settings.Logger, exception, _info.Id, _info.RemoteEndPoint);
        }
    }

    private void OnHandlerFailed(Exception exception)
    {
        ConnectionLog.HandlerFailed(_settings.Logger, exception, _info.Id, _info.RemoteEndPoint);
        Apply(LifecycleEvent.HandlerFailed.Instance);
    }
}
