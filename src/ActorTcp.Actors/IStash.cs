using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors;

/// <summary>
/// Holds messages an actor is not ready for yet. Stashed messages keep their order and sender;
/// unstashed ones go to the front of the mailbox. On restart the stash is returned to the mailbox;
/// on stop its messages go to dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Puts the message being processed into the stash.</summary>
    /// <exception cref="InvalidOperationException">No message is being processed, or it is already stashed.</exception>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns every stashed message, in order, to the front of the mailbox.</summary>
    void UnstashAll();

    /// <summary>Empties the stash without delivering anything and returns what it held, oldest first.</summary>
    IReadOnlyList<Envelope> ClearStash();
}
