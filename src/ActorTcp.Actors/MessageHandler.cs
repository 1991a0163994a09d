namespace ActorTcp.Actors;

/// <summary>
/// One <c>Receive&lt;T&gt;</c> registration of a <see cref="ReceiveActor"/>. <see cref="TryHandle"/> is
/// only called with messages already known to be of <see cref="MessageType"/>.
/// </summary>
internal abstract class MessageHandler(Type messageType)
{
    public Type MessageType { get; } = messageType;

    public abstract bool TryHandle(object message);
}

/// <summary>An action, optionally guarded by a predicate.</summary>
internal sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : MessageHandler(typeof(T))
{
    public override bool TryHandle(object message)
    {
        var typed = (T)message;
        if (shouldHandle is not null && !shouldHandle(typed))
        {
            return false;
        }

        action(typed);
        return true;
    }
}

/// <summary>A function that reports whether it handled the message.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : MessageHandler(typeof(T))
{
    public override bool TryHandle(object message) => handler((T)message);
}
