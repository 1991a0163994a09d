namespace ActorTcp.Actors;

/// <summary>
/// An actor with a single <see cref="OnReceive"/> method that sees every message; call
/// <see cref="ActorBase.Unhandled"/> for messages it does not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    private UntypedReceive? _behaviour;
    private Stack<UntypedReceive>? _behaviourStack;

    /// <summary>Handles one message.</summary>
    /// <param name="message">The message.</param>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/> from the next message on.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void Become(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviour = receive;
    }

    /// <summary>Pushes <paramref name="receive"/> as the behaviour; <see cref="UnbecomeStacked"/> returns to the current one.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void BecomeStacked(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviourStack ??= new()).Push(_behaviour ?? OnReceive);
        _behaviour = receive;
    }

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked"/>; does nothing when there is none.</summary>
    protected void UnbecomeStacked()
    {
        if (_behaviourStack is { Count: > 0 } stack)
        {
            _behaviour = stack.Pop();
        }
    }

    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        if (_behaviour is null)
        {
            OnReceive(message);
        }
        else
        {
            _behaviour(message);
        }

        return true;
    }
}
