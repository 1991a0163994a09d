using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Cells;

/// <summary>The <see cref="IStash"/> of one actor incarnation; its queue is allocated on first stash.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private Queue<Envelope>? _stashed;
    private object? _lastStashed;

    public void Stash()
    {
        var current = cell.CurrentEnvelope
            ?? throw new InvalidOperationException("Stash() can only be called while the actor processes a message");
        if (_stashed is { Count: > 0 } && ReferenceEquals(_lastStashed, current.Message))
        {
            throw new InvalidOperationException($"The message {current.Message.GetType().Name} is already stashed");
        }

        (_stashed ??= new()).Enqueue(current);
        _lastStashed = current.Message;
    }

    public void Unstash()
    {
        if (_stashed is { Count: > 0 } stashed)
        {
            cell.PrependToMailbox([stashed.Dequeue()]);
        }
    }

    public void UnstashAll()
    {
        if (_stashed is { Count: > 0 })
        {
            cell.PrependToMailbox(ClearStash());
        }
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        if (_stashed is not { Count: > 0 } stashed)
        {
            return [];
        }

        var all = stashed.ToArray();
        stashed.Clear();
        _lastStashed = null;
        return all;
    }
}
