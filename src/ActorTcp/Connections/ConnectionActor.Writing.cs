using System.Net.Sockets;
using System.Runtime.InteropServices;
using ActorTcp.Actors;
using ActorTcp.Lifecycle;

namespace ActorTcp.Connections;

/// <summary>
/// Writing: frames go into the write queue (created when a write finds none), and the queue is pumped into
/// the socket at the end of each turn — synchronously while the kernel takes the bytes, then with one
/// asynchronous send whose completion comes back as a message. A pump that empties the queue lets it
/// go, so an idle connection holds no queue at all.
/// </summary>
public sealed partial class ConnectionActor
{
    /// <summary>
    /// One emptied write queue per thread, for the next connection that writes on it. A turn never
    /// leaves its thread, so the queue is never shared; a thread keeps at most one, a few dozen bytes.
    /// </summary>
    [ThreadStatic]
    private static WriteQueue? t_spareWriteQueue;

    private SendCompletion? _sendCompletion;
    private WriteQueue? _writeQueue;
    private bool _sending;
    private bool _flushRequested;
    private bool _shutdownPending;
    private bool _writeClosed;
    private bool _dropUnsent;
    private bool _suspensionUnannounced;

    private bool CanWrite => !_writeClosed && !_released && _status.State != LifecycleState.Closed;

    /// <summary>Queues one frame from the handler or a <see cref="ConnectionProtocol.Send"/> command.</summary>
    private EnqueueResult Send(ReadOnlySpan<byte> payload)
    {
        var result = Enqueue(payload);
        if (result == EnqueueResult.Suspended)
        {
            NotifySuspended();
        }

        return result;
    }

    /// <summary>
    /// Queues a frame of the connection's own (ping, pong, goodbye); dropped when writing is over. These
    /// are queued while a lifecycle decision is being carried out, so a suspension they cause is
    /// announced to the handler at the next pump, never from inside the decision.
    /// </summary>
    private void EnqueueControl(ReadOnlySpan<byte> payload)
    {
        if (Enqueue(payload) == EnqueueResult.Suspended)
        {
            _suspensionUnannounced = true;
        }
    }

    private EnqueueResult Enqueue(ReadOnlySpan<byte> payload)
    {
        if (!CanWrite)
        {
            return EnqueueResult.Refused;
        }

        var queue = _writeQueue ??= TakeWriteQueue();
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
            // The slow-consumer deadline may fall before whatever the timer waits for now.
            EnsureTimerBy(queue.SuspendedSince + _settings.Options.Write.SlowConsumerTimeout);
        }

        return result;
    }

    /// <summary>The spare queue of this thread when it has this listener's limits, else a new one.</summary>
    private WriteQueue TakeWriteQueue()
    {
        var write = _settings.Options.Write;
        var maxFrameBytes = _settings.Codec.GetEncodedLength(_settings.Options.Framing.MaxFrameSize);
        if (t_spareWriteQueue is { } spare
            && spare.HighWatermark == write.HighWatermark
            && spare.LowWatermark == write.LowWatermark
            && spare.Capacity == (long)write.HighWatermark + maxFrameBytes)
        {
            t_spareWriteQueue = null;
            return spare;
        }

        return new WriteQueue(write.HighWatermark, write.LowWatermark, maxFrameBytes);
    }

    /// <summary>
    /// Lets go of a queue the pump has emptied: it holds no bytes and no suspension, so an idle
    /// connection need not keep it. It becomes this thread's spare, so a connection that fills and
    /// empties its queue every turn (an echo) takes it back instead of allocating a new one.
    /// </summary>
    private void ReleaseEmptyWriteQueue(WriteQueue queue)
    {
        _writeQueue = null;
        t_spareWriteQueue = queue;
    }

    private void QueueGrew(WriteQueue queue, long before)
    {
        _info.SetWriteQueueBytes(queue.Length);
        _settings.Metrics.WriteQueueChanged(queue.Length - before);
    }

    /// <summary>
    /// Sends what is queued until the kernel stops taking bytes, then leaves one asynchronous send in
    /// flight. When the queue is empty, carries out a pending FIN and reports a requested flush.
    /// </summary>
    private void PumpWrites()
    {
        if (_suspensionUnannounced)
        {
            _suspensionUnannounced = false;
            if (_writeQueue is { IsSuspended: true })
            {
                NotifySuspended();
            }
        }

        if (_sending || _released)
        {
            return;
        }

        var resumed = false;
        if (_writeQueue is { } queue)
        {
            while (queue.Length > 0 && !_released)
            {
                var bytes = queue.Peek();
                var sent = _socket.Send(bytes.Span, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    StartAsyncSend(bytes);
                    break;
                }

                if (error != SocketError.Success)
                {
                    OnSocketError(error);
                    return;
                }

                resumed |= Sent(queue, sent);
            }

            if (queue.Length == 0 && !_sending)
            {
                ReleaseEmptyWriteQueue(queue);
            }
        }

        if (!_sending && !_released)
        {
            OnQueueEmpty();
        }

        if (resumed)
        {
            // Reading paused while writing was suspended; the pump is done with the queue, so the
            // frames read now may queue and pump again safely.
            ReadLoop();
        }
    }

    private void StartAsyncSend(ReadOnlyMemory<byte> bytes)
    {
        // Made on the first send the kernel could not take at once: most connections never need it.
        var send = _sendCompletion ??= new SendCompletion(this);
        send.SetBuffer(MemoryMarshal.AsMemory(bytes));
        _sending = true;
        if (!_socket.SendAsync(send))
        {
            Self.Tell(ConnectionSignals.WriteCompleted.Instance, Actors.ActorRefs.NoSender);
        }
    }

    /// <summary>Runs on the socket's completion thread: tells the actor, running it here when it was idle.</summary>
    private void OnSendCompleted()
    {
        if (!_socketClosed)
        {
            Self.TellFromCompletion(ConnectionSignals.WriteCompleted.Instance);
        }
    }

    private void OnWritten()
    {
        _sending = false;
        if (_released || _writeQueue is not { } queue)
        {
            return;
        }

        var send = _sendCompletion!;
        var error = send.SocketError;
        var sent = send.BytesTransferred;

        // The queue returns the sent bytes to the pool; the event args must not keep pointing at them.
        send.SetBuffer(Memory<byte>.Empty);
        if (error != SocketError.Success)
        {
            OnSocketError(error);
            return;
        }

        var resumed = Sent(queue, sent);
        if (_dropUnsent)
        {
            DropQueuedWrites();
        }

        if (resumed)
        {
            ReadLoop();
        }
    }

    /// <summary>Removes sent bytes from the queue; true when this resumed writing (the handler has been told).</summary>
    private bool Sent(WriteQueue queue, int sent)
    {
        _heartbeat.RecordOutbound(Now);
        _info.AddBytesOut(sent, UtcNow);
        _settings.Metrics.BytesSent(sent);
        _settings.Metrics.WriteQueueChanged(-sent);
        var resumed = queue.Advance(sent);
        _info.SetWriteQueueBytes(queue.Length);
        if (resumed)
        {
            NotifyResumed();
        }

        return resumed;
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

    /// <summary>
    /// The connection's asynchronous send, completed straight into the actor's mailbox: one field
    /// in the actor instead of an awaiter and a delegate, and a smaller object than the socket's own
    /// awaitable send once it is needed.
    /// </summary>
    private sealed class SendCompletion : SocketAsyncEventArgs
    {
        public SendCompletion(ConnectionActor connection)
            : base(unsafeSuppressExecutionContextFlow: true)
        {
            UserToken = connection;
        }

        protected override void OnCompleted(SocketAsyncEventArgs e) => ((ConnectionActor)UserToken!).OnSendCompleted();
    }
}
