using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The runtime's side of an actor reference: it can also carry system messages (creation,
/// supervision, death watch), which user code never sends.
/// </summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The system the reference belongs to, or null for references that belong to none.</summary>
    ActorSystem? System { get; }

    /// <summary>Delivers a system message; never throws.</summary>
    void SendSystemMessage(SystemMessage message);
}
