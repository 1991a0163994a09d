using ActorTcp.Actors;

namespace ActorTcp.Handlers;

/// <summary>
/// What <see cref="ActorConnectionHandler"/> needs from the connection beyond <see cref="IConnectionContext"/>:
/// the connection actor's reference, and a way to start the handler actor as its child.
/// </summary>
internal interface IActorHandlerHost
{
    /// <summary>The connection actor, which takes <see cref="ActorHandlerProtocol"/> commands.</summary>
    IActorRef Connection { get; }

    /// <summary>Starts the handler actor as a watched child of the connection.</summary>
    IActorRef SpawnHandlerActor(Props props);
}
