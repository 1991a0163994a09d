using System.Net.Sockets;
using System.Runtime.CompilerServices;
using ActorTcp.Lifecycle;

namespace ActorTcp.Connections;

/// <summary>
/// Writing: frames go into the write queue (created on the first write), and the queue is pumped into
/// the socket at the end of each turn — synchronously while the kernel takes the bytes, then with one
/// asynchronous send whose completion comes back as a message.
/// </summary>
public sealed partial class ConnectionActor
{
    private readonly Action _onWritten;
    private ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter _pendingSend;
    private WriteQueue? _writeQueue;
    private bool _sending;
    private bool _flushRequested;
    private bool _shutdownPending;
    private bool _writeClosed;
    private bool _dropUnsent;

    private bool CanWrite => !_writeClosed && !_released && _status.State != LifecycleState.Closed;

    /// <summary>Queues one frame from the handler or a <see cref="ConnectionProtocol.Send"/> command.</summary>
    private EnqueueResult Send(ReadOnlySpan<byte> payload)
    {
        if (!CanWrite)
        {
            return EnqueueResult.Refused;
        }

        var queue = _writeQueue ??= CreateWriteQueue();
        var before = queue.Length;
        var result = queue.EnqueueFrame(_settings.Codec, payload, Now);
        if (result == EnqueueResult.Refused)
        {
            return result;
        }

        _info.AddFrameOut();
        _settings.Metrics.FrameSent();
        QueueGrew(queue, before);
        if (result == EnqueueResult.Suspended)
        {
            NotifyWritingSuspended(queue);
        }

        return result;
    }

    /// <summary>Queues a frame of the connection's own (ping, pong, goodbye); dropped when writing is over.</summary>
    private void EnqueueControl(ReadOnlySpan<byte> payload) => Send(payload);

    private WriteQueue CreateWriteQueue()
    {
        var write = _settings.Options.Write;
        var maxFrameBytes = _settings.Codec.GetEncodedLength(_settings.Options.Framing.MaxFrameSize);
        return new WriteQueue(write.HighWatermark, write.LowWatermark, maxFrameBytes);
    }

    private void QueueGrew(WriteQueue queue, long before)
    {
        _info.SetWriteQueueBytes(queue.Length);
        _settings.Metrics.WriteQueueChanged(queue.Length - before);
    }

    private void NotifyWritingSuspended(WriteQueue queue)
    {
        // The slow-consumer deadline may fall before whatever the timer waits for now.
        EnsureTimerBy(queue.SuspendedSince + _settings.Options.Write.SlowConsumerTimeout);
        NotifySuspended();
    }

    /// <summary>
    /// Sends what is queued until the kernel stops taking bytes, then leaves one asynchronous send in
    /// flight. When the queue is empty, carries out a pending FIN and reports a requested flush.
    /// </summary>
    private void PumpWrites()
    {
        if (_sending || _released)
        {
            return;
        }

        if (_writeQueue is { } queue)
        {
            while (queue.Length > 0)
            {
                var bytes = queue.Peek();
                var sent = _socket.Send(bytes.Span, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    StartAsyncSend(bytes);
                    return;
                }

                if (error != SocketError.Success)
                {
                    OnSocketError(error);
                    return;
                }

                if (Sent(queue, sent))
                {
                    return;
                }
            }
        }

        OnQueueEmpty();
    }

    private void StartAsyncSend(ReadOnlyMemory<byte> bytes)
    {
        var send = _socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false).GetAwaiter();
        _pendingSend = send;
        _sending = true;
        if (send.IsCompleted)
        {
            Self.Tell(ConnectionSignals.WriteCompleted.Instance, Actors.ActorRefs.NoSender);
        }
        else
        {
            send.UnsafeOnCompleted(_onWritten);
        }
    }

    /// <summary>Runs on the socket's completion thread: only tells the actor.</summary>
    private void OnSendCompleted()
    {
        if (!_socketClosed)
        {
            Self.Tell(ConnectionSignals.WriteCompleted.Instance, Actors.ActorRefs.NoSender);
        }
    }

    private void OnWritten()
    {
        _sending = false;
        var awaiter = _pendingSend;
        _pendingSend = default;
        if (_released || _writeQueue is not { } queue)
        {
            return;
        }

        int sent;
        try
        {
            sent = awaiter.GetResult();
        }
        catch (SocketException exception)
        {
            OnSocketError(exception.SocketErrorCode);
            return;
        }

        if (!Sent(queue, sent) && _dropUnsent)
        {
            DropQueuedWrites();
        }
    }

    /// <summary>Removes sent bytes from the queue; true when the connection was closed meanwhile.</summary>
    private bool Sent(WriteQueue queue, int sent)
    {
        var now = _time.GetUtcNow();
        _heartbeat.RecordOutbound(Now);
        _info.AddBytesOut(sent, now);
        _settings.Metrics.BytesSent(sent);
        _settings.Metrics.WriteQueueChanged(-sent);
        var resumed = queue.Advance(sent);
        _info.SetWriteQueueBytes(queue.Length);
        if (resumed)
        {
            NotifyResumed();
            ReadLoop();
        }

        return _released;
    }

    private void OnQueueEmpty()
    {
        if (_shutdownPending)
        {
            ShutdownSendNow();
        }

        if (_flushRequested && !_released)
        {
            _flushRequested = false;
            Apply(LifecycleEvent.WritesFlushed.Instance);
        }
    }

    /// <summary>Drops what is queued and not yet handed to the kernel (a FIN without flush).</summary>
    private void DropQueuedWrites()
    {
        if (_writeQueue is not { } queue || _sending)
        {
            // A send in flight still reads the queue's buffers; the FIN waits for it, then the rest is dropped.
            return;
        }

        _settings.Metrics.WriteQueueChanged(-queue.Length);
        queue.Clear();
        _info.SetWriteQueueBytes(0);
    }
}
