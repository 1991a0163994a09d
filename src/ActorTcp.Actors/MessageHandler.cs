namespace ActorTcp.Actors;

/// <summary>One <c>Receive&lt;T&gt;</c> registration of a <see cref="ReceiveActor"/>.</summary>
internal abstract class MessageHandler
{
    /// <summary>Handles <paramref name="message"/> if it is of the registered type and accepted; returns whether it did.</summary>
    public abstract bool TryHandle(object message);
}

/// <summary>An action, optionally guarded by a predicate.</summary>
internal sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
        {
            return false;
        }

        action(typed);
        return true;
    }
}

/// <summary>A function that reports whether it handled the message.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : MessageHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}
