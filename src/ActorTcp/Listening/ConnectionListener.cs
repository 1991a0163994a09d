using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Connections;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Listening;

/// <summary>
/// The acceptor of one endpoint: sole owner of the listening socket. It keeps exactly one accept
/// call outstanding; each completion comes back as a message, and each accepted socket is handed to
/// the parent (the connection manager) at once, so the listener never decides anything about a
/// connection. Transient accept errors (ECONNABORTED, EMFILE, ENFILE, ENOBUFS, ENOMEM) are retried
/// after an <see cref="AcceptBackoff"/> on a keyed timer; a closed listening socket ends the loop; any other error
/// fails the actor so its supervisor restarts it on the same port.
/// </summary>
internal sealed class ConnectionListener : ReceiveActor, IWithTimers
{
    private const string RetryTimerKey = "accept-retry";

    /// <summary>Connections taken from the backlog in one turn before the listener lets other actors run.</summary>
    private const int MaxAcceptsPerTurn = 64;

    /// <summary>The least time between two log lines about failing accepts.</summary>
    internal static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(1);

    private readonly ListenSocket _listenSocket;
    private readonly Func<Socket, CancellationToken, ValueTask<Socket>> _accept;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly AcceptBackoff _backoff;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task<Socket>? _pending;
    private bool _pendingConsumed;
    private long _failureStreak;
    private long _notLogged;
    private long _lastFailureLog;

    private ConnectionListener(
        ListenSocket listenSocket,
        Func<Socket, CancellationToken, ValueTask<Socket>> accept,
        ILogger log,
        AcceptBackoff backoff)
    {
        _listenSocket = listenSocket;
        _accept = accept;
        _time = Context.System.TimeProvider;
        _log = log;
        _backoff = backoff;
        Receive<ListenerProtocol.AcceptCompleted>(m => ReferenceEquals(m.Call, _pending), OnAcceptCompleted);

        // A call of the incarnation before a restart (same reference): that incarnation's PostStop
        // already released whatever it accepted.
        Receive<ListenerProtocol.AcceptCompleted>(_ => { });
        Receive<ListenerProtocol.RetryAccept>(_ => AcceptNext());
        Receive<ListenerProtocol.AcceptMore>(_ => AcceptNext());
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The endpoint being listened on.</summary>
    private IPEndPoint EndPoint => _listenSocket.EndPoint;

    /// <summary>Props for a listener on <paramref name="listenSocket"/>.</summary>
    /// <param name="listenSocket">The bound endpoint.</param>
    /// <param name="accept">Accepts one connection; <c>Socket.AcceptAsync</c> except in tests that inject failures.</param>
    /// <param name="log">Where to log.</param>
    public static Props Props(
        ListenSocket listenSocket,
        Func<Socket, CancellationToken, ValueTask<Socket>>? accept,
        ILogger log)
    {
        ArgumentNullException.ThrowIfNull(listenSocket);
        ArgumentNullException.ThrowIfNull(log);
        var acceptOne = accept ?? (static (socket, ct) => socket.AcceptAsync(ct));
        return Actors.Props.Create(() => new ConnectionListener(listenSocket, acceptOne, log, AcceptBackoff.CreateDefault()));
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        try
        {
            _socket = _listenSocket.Take();
        }
        catch (SocketException e)
        {
            throw new ListenerFailedException($"Cannot listen on {EndPoint} again: {e.SocketErrorCode}", e);
        }

        ReleasePathWarmUp.EnsureDone(Context.System);
        ListenerLog.Listening(_log, EndPoint);
        AcceptNext();
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _stopping.Cancel();
        _socket?.Dispose();
        _stopping.Dispose();
        ReleaseUnclaimedSocket();
        ListenerLog.StoppedListening(_log, EndPoint);
    }

    /// <summary>
    /// Accepts what is already waiting in the backlog on this turn, up to <see cref="MaxAcceptsPerTurn"/>,
    /// and leaves one accept outstanding once the backlog is empty. A burst of connections thus costs
    /// one turn, not one turn (and a thread-pool round trip) per connection.
    /// </summary>
    private void AcceptNext()
    {
        for (var accepted = 0; accepted < MaxAcceptsPerTurn; accepted++)
        {
            ValueTask<Socket> call;
            try
            {
                call = _accept(_socket!, _stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                call = ValueTask.FromException<Socket>(e);
            }

            if (!call.IsCompletedSuccessfully)
            {
                AwaitAccept(call.AsTask());
                return;
            }

            HandOver(call.Result);
        }

        Self.Tell(ListenerProtocol.AcceptMore.Instance, Self);
    }

    private void AwaitAccept(Task<Socket> call)
    {
        _pending = call;
        _pendingConsumed = false;
        var self = Self;
        call.ContinueWith(
            static (done, state) => ((IActorRef)state!).Tell(new ListenerProtocol.AcceptCompleted(done), ActorRefs.NoSender),
            self,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnAcceptCompleted(ListenerProtocol.AcceptCompleted completed)
    {
        _pendingConsumed = true;
        var call = completed.Call;
        if (call.IsCompletedSuccessfully)
        {
            HandOver(call.Result);
            AcceptNext();
            return;
        }

        var error = call.Exception?.InnerException ?? new OperationCanceledException();
        if (AcceptFailure.IsListenerClosed(error))
        {
            return;
        }

        if (error is SocketException socketError && AcceptFailure.IsTransient(socketError))
        {
            RetryLater(socketError);
            return;
        }

        throw new ListenerFailedException($"Accept on {EndPoint} failed: {error.Message}", error);
    }

    private void HandOver(Socket socket)
    {
        if (_failureStreak > 0)
        {
            ListenerLog.AcceptRecovered(_log, EndPoint, _failureStreak);
        }

        _failureStreak = 0;
        _notLogged = 0;
        _backoff.Reset();
        Context.Parent.Tell(new ListenerProtocol.Accepted(socket, _time.GetTimestamp()));
    }

    private void RetryLater(SocketException error)
    {
        _failureStreak++;
        var delay = _backoff.NextDelay();
        Timers.StartSingleTimer(RetryTimerKey, ListenerProtocol.RetryAccept.Instance, delay);
        ListenerLog.AcceptRetryScheduled(_log, EndPoint, error.SocketErrorCode, delay);

        // Out of descriptors, every pending connection fails the same way: one warning a second is enough.
        var now = _time.GetTimestamp();
        if (_failureStreak == 1 || _time.GetElapsedTime(_lastFailureLog, now) >= FailureLogInterval)
        {
            ListenerLog.AcceptRetrying(_log, EndPoint, error.SocketErrorCode, _failureStreak, _notLogged, delay);
            _lastFailureLog = now;
            _notLogged = 0;
        }
        else
        {
            _notLogged++;
        }
    }

    /// <summary>
    /// An accept that completed while the listener stopped hands its socket to nobody: close it here
    /// rather than leave it to the finalizer.
    /// </summary>
    private void ReleaseUnclaimedSocket()
    {
        if (_pending is not { } call || _pendingConsumed)
        {
            return;
        }

        call.ContinueWith(
            static done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    done.Result.Dispose();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
