using System.Buffers;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Framing;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.Sockets;

namespace ActorTcp.Connections;

/// <summary>
/// Pull-mode reading: wait with a zero-byte receive (no buffer held), then read what is there into a
/// pooled buffer, frame it, hand each frame to the handler, and only then wait again.
/// </summary>
public sealed partial class ConnectionActor
{
    /// <summary>Reads per turn before yielding the thread to other connections.</summary>
    private const int MaxReadsPerTurn = 16;

    private ReadinessWait? _readiness;
    private InboundBuffer _inbound;
    private FrameTimeout _frameTimeout;
    private bool _receiving;
    private bool _readingStopped;
    private bool _discardInbound;

    private bool ReadingPaused => _readingStopped || _released || _receiving || (_writeQueue?.IsSuspended ?? false);

    /// <summary>
    /// Runs on the socket's completion thread: tells the actor, which takes the result on its turn —
    /// on this very thread when the actor was idle, since the completion has nothing else to do.
    /// </summary>
    private void OnReceiveCompleted()
    {
        if (!_socketClosed)
        {
            Self.TellFromCompletion(ConnectionSignals.ReadReady.Instance);
        }
    }

    private void OnReadable()
    {
        _receiving = false;
        if (_released)
        {
            return;
        }

        var error = _readiness!.SocketError;
        if (error != SocketError.Success)
        {
            OnSocketError(error);
            return;
        }

        ReadLoop();
    }

    /// <summary>
    /// Reads until the socket has nothing more (then arms the zero-byte receive), the lifecycle stops
    /// reading, the write queue is suspended, or this turn's share of reads is used up.
    /// </summary>
    private void ReadLoop()
    {
        for (var reads = 0; !ReadingPaused; reads++)
        {
            if (reads == MaxReadsPerTurn)
            {
                Self.Tell(ConnectionSignals.ReadMore.Instance, Actors.ActorRefs.NoSender);
                return;
            }

            var outcome = ReadOnce();
            if (outcome != ReadOutcome.WouldBlock)
            {
                PumpWrites();
            }

            if (outcome != ReadOutcome.Read && !ArmReceive())
            {
                return;
            }
        }
    }

    /// <summary>Reads once and hands on what it read.</summary>
    private ReadOutcome ReadOnce()
    {
        var space = _inbound.GetReadSpace();
        var received = _socket.Receive(space, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            _inbound.ReleaseIfEmpty();
            return ReadOutcome.WouldBlock;
        }

        if (error != SocketError.Success)
        {
            _inbound.Release();
            OnSocketError(error);
            return ReadOutcome.Read;
        }

        if (received == 0)
        {
            // End of stream: a partial frame can never complete now.
            _inbound.Release();
            _frameTimeout = default;
            Apply(LifecycleEvent.PeerFinReceived.Instance);
            return ReadOutcome.Read;
        }

        var now = Now;
        _heartbeat.RecordInbound(now);
        _info.AddBytesIn(received, UtcNow);
        _settings.Metrics.BytesReceived(received);
        _inbound.Commit(received);
        // A read that did not fill the space took everything the kernel had: asking again would
        // only cost a system call that says so.
        var outcome = received < space.Length ? ReadOutcome.Drained : ReadOutcome.Read;
        if (_discardInbound)
        {
            _inbound.Release();
            return outcome;
        }

        FrameAndDeliver(now);
        return outcome;
    }

    /// <summary>Waits for the socket with the zero-byte receive.</summary>
    /// <returns>
    /// True when the socket was readable at once: the caller reads on in this turn rather than pay a
    /// trip through the mailbox. False when waiting, paused, or failed.
    /// </returns>
    private bool ArmReceive()
    {
        if (ReadingPaused)
        {
            return false;
        }

        var readiness = _readiness ??= new ReadinessWait(this);
        _receiving = true;
        if (_socket.ReceiveAsync(readiness))
        {
            return false;
        }

        _receiving = false;
        if (readiness.SocketError != SocketError.Success)
        {
            OnSocketError(readiness.SocketError);
            return false;
        }

        return true;
    }

    private void FrameAndDeliver(TimeSpan now)
    {
        var codec = _settings.Codec;
        var data = _inbound.Data;
        var remaining = data;
        var completed = false;
        FramingStatus status;
        while ((status = codec.TryReadFrame(ref remaining, out var frame)) == FramingStatus.Frame)
        {
            completed = true;
            Deliver(frame);
            if (_released || _discardInbound)
            {
                return;
            }
        }

        if (status == FramingStatus.ProtocolError)
        {
            _inbound.Release();
            ConnectionLog.ProtocolViolated(_settings.Logger, _info.Id, _info.RemoteEndPoint, "bad or oversize frame");
            Apply(LifecycleEvent.ProtocolViolated.Instance);
            return;
        }

        var wasPending = _frameTimeout.IsPending;
        var partial = codec.HasPartialFrame(remaining);
        _frameTimeout.Observe(completed, partial, now);
        _inbound.Consume((int)(data.Length - remaining.Length));
        if (partial && !wasPending)
        {
            EnsureTimerBy(now + _settings.Options.Framing.FrameTimeout);
        }
    }

    /// <summary>Counts a frame and hands it to the handler; heartbeat frames are answered here instead.</summary>
    private void Deliver(in ReadOnlySequence<byte> frame)
    {
        _info.AddFrameIn();
        _settings.Metrics.FrameReceived();
        var policy = _settings.Heartbeat;
        if (policy.Mode != HeartbeatMode.Off)
        {
            if (policy.IsPong(frame))
            {
                return;
            }

            // A peer that checks on us gets the pong it asked for, so both sides can run active
            // heartbeats with the same ping and pong frames.
            if (policy.IsPing(frame))
            {
                EnqueueControl(policy.Pong.Span);
                return;
            }
        }

        DeliverFrame(frame);
    }

    private void OnSocketError(SocketError error)
    {
        if (SocketFaults.Classify(error) == SocketFault.PeerReset)
        {
            Apply(LifecycleEvent.PeerResetReceived.Instance);
            return;
        }

        ConnectionLog.SocketFailed(_settings.Logger, _info.Id, _info.RemoteEndPoint, error);
        Apply(LifecycleEvent.SocketFailed.Instance);
    }

    private enum ReadOutcome
    {
        /// <summary>Read something, or reached the end of the stream or an error; the loop may read again.</summary>
        Read,

        /// <summary>Read less than there was room for: the socket is empty, so wait for it.</summary>
        Drained,

        /// <summary>Nothing to read: wait for the socket.</summary>
        WouldBlock,
    }

    /// <summary>
    /// The connection's zero-byte receive. The socket's own awaitable receive would keep a larger
    /// object and a completion delegate per connection for the connection's whole life; this one is
    /// the bare event-args object, completed straight into the actor's mailbox.
    /// </summary>
    private sealed class ReadinessWait : SocketAsyncEventArgs
    {
        public ReadinessWait(ConnectionActor connection)
            : base(unsafeSuppressExecutionContextFlow: true)
        {
            // The base class's own token field holds the connection: a field of ours would add 8 bytes.
            UserToken = connection;
        }

        protected override void OnCompleted(SocketAsyncEventArgs e) => ((ConnectionActor)UserToken!).OnReceiveCompleted();
    }
}
