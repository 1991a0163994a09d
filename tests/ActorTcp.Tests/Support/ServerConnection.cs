using System.Threading.Channels;
using ActorTcp.Actors;
using ActorTcp.Connections;
using ActorTcp.Lifecycle;

namespace ActorTcp.Tests.Support;

/// <summary>
/// One server-side connection under test: a parent actor that creates the connection actor, forwards
/// commands to it, and records every fact and reply the connection sends back.
/// </summary>
public sealed class ServerConnection
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();
    private int _ended;

    public ServerConnection(ActorSystem system, Props connectionProps, ConnectionInfo info)
    {
        Info = info;
        Parent = system.ActorOf(Props.Create(() => new RecordingParent(connectionProps, _events.Writer)));
    }

    public ConnectionInfo Info { get; }

    /// <summary>The recording parent; messages told to it go to the connection.</summary>
    public IActorRef Parent { get; }

    /// <summary>How many <see cref="ConnectionProtocol.Ended"/> facts have been read so far.</summary>
    public int EndedCount => _ended;

    public void Tell(object command) => Parent.Tell(command);

    /// <summary>Ended facts read so far plus those still waiting; call once the system has terminated.</summary>
    public int CountAllEnded()
    {
        while (_events.Reader.TryRead(out var message))
        {
            if (message is ConnectionProtocol.Ended)
            {
                _ended++;
            }
        }

        return _ended;
    }

    /// <summary>Stops the connection actor from outside, as a supervisor would.</summary>
    public void Stop() => Parent.Tell(StopConnection.Instance);

    /// <summary>The next message the connection sent its parent, of any kind.</summary>
    public async Task<object> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TestClient.DefaultTimeout);
        try
        {
            var message = await _events.Reader.ReadAsync(cancellation.Token);
            if (message is ConnectionProtocol.Ended)
            {
                _ended++;
            }

            return message;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Connection {Info.Id} reported nothing within {timeout ?? TestClient.DefaultTimeout}.");
        }
    }

    /// <summary>Waits for the connection to enter <paramref name="state"/>, skipping other state changes.</summary>
    public async Task ExpectStateAsync(LifecycleState state)
    {
        while (true)
        {
            switch (await NextAsync())
            {
                case ConnectionProtocol.StateChanged changed when changed.State == state:
                    return;
                case ConnectionProtocol.Ended ended:
                    Assert.Fail($"Expected state {state} but the connection ended: {ended.Closed}.");
                    break;
            }
        }
    }

    /// <summary>Waits for the single <see cref="ConnectionProtocol.Ended"/>, skipping state changes and replies.</summary>
    public async Task<ConnectionProtocol.Ended> ExpectEndedAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            if (await NextAsync(timeout) is ConnectionProtocol.Ended ended)
            {
                return ended;
            }
        }
    }

    /// <summary>
    /// Asserts that the connection tells nothing more for a while (no second Ended, no late state
    /// change); the parent's own <see cref="Terminated"/> for the stopped connection is allowed.
    /// </summary>
    public async Task ExpectNoMoreAsync(TimeSpan duration)
    {
        using var cancellation = new CancellationTokenSource(duration);
        try
        {
            while (true)
            {
                var message = await _events.Reader.ReadAsync(cancellation.Token);
                if (message is not Terminated)
                {
                    Assert.Fail($"Expected nothing more from connection {Info.Id} but got {message}.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class StopConnection
    {
        public static readonly StopConnection Instance = new();
    }

    private sealed class RecordingParent : ReceiveActor
    {
        private readonly Props _connectionProps;
        private IActorRef _connection = ActorRefs.Nobody;

        public RecordingParent(Props connectionProps, ChannelWriter<object> events)
        {
            _connectionProps = connectionProps;
            Receive<ConnectionProtocol.StateChanged>(changed => events.TryWrite(changed));
            Receive<ConnectionProtocol.Ended>(ended => events.TryWrite(ended));
            Receive<EnqueueResult>(result => events.TryWrite(result));
            Receive<Terminated>(terminated => events.TryWrite(terminated));
            Receive<StopConnection>(_ => Context.Stop(_connection));
            ReceiveAny(command => _connection.Tell(command, Self));
        }

        /// <summary>
        /// Creates the connection and subscribes to its state changes: the first answer, its current
        /// state, comes once it has started, so waiting for Established waits for its start.
        /// </summary>
        protected override void PreStart()
        {
            _connection = Context.Watch(Context.ActorOf(_connectionProps, "connection"));
            _connection.Tell(ConnectionProtocol.SubscribeStateChanges.Instance, Self);
        }
    }
}
