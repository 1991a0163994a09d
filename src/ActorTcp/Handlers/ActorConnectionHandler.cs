using System.Buffers;
using ActorTcp.Actors;
using ActorTcp.Teardown;

namespace ActorTcp.Handlers;

/// <summary>
/// Runs a connection's protocol in an actor of the application's own (Akka.IO style): the actor is
/// created from <see cref="Props"/> as a child of the connection, receives the
/// <see cref="ActorHandlerProtocol"/> facts (each frame as a copy) and sends back
/// <see cref="ActorHandlerProtocol.Write"/>, <see cref="ActorHandlerProtocol.Close"/> or
/// <see cref="ActorHandlerProtocol.Abort"/>. A failure of the actor closes only its connection
/// (HandlerFailed); an actor that stops by itself closes it gracefully.
/// </summary>
/// <example>
/// <code>
/// var handler = new ActorConnectionHandler(Props.Create(() =&gt; new EchoActor()));
/// Context.ActorOf(ConnectionActor.Props(socket, info, settings, handler));
/// </code>
/// </example>
public sealed class ActorConnectionHandler : IConnectionHandler
{
    private readonly Props _props;
    private IActorRef? _connection;
    private IActorRef? _actor;

    /// <summary>Creates the adapter for one connection.</summary>
    /// <param name="props">How to create the handler actor.</param>
    public ActorConnectionHandler(Props props)
    {
        ArgumentNullException.ThrowIfNull(props);
        _props = props;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The connection is not a connection actor.</exception>
    public void OnConnected(IConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var host = connection as IActorHandlerHost
            ?? throw new InvalidOperationException("An actor handler runs only inside a connection actor.");
        _connection = host.Connection;
        _actor = host.SpawnHandlerActor(_props);
        Tell(new ActorHandlerProtocol.Connected(_connection, connection.Id, connection.RemoteEndPoint, connection.LocalEndPoint));
    }

    /// <inheritdoc />
    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame) =>
        Tell(new ActorHandlerProtocol.Received(frame.ToArray()));

    /// <inheritdoc />
    public void OnPeerClosed(IConnectionContext connection) => Tell(ActorHandlerProtocol.PeerClosed.Instance);

    /// <inheritdoc />
    public void OnWritingSuspended(IConnectionContext connection) => Tell(ActorHandlerProtocol.WritingSuspended.Instance);

    /// <inheritdoc />
    public void OnWritingResumed(IConnectionContext connection) => Tell(ActorHandlerProtocol.WritingResumed.Instance);

    /// <inheritdoc />
    public void OnClosed(IConnectionContext connection, ConnectionClosed closed) => Tell(new ActorHandlerProtocol.Closed(closed));

    private void Tell(object message) => _actor?.Tell(message, _connection);
}
