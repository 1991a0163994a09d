namespace ActorTcp.Actors;

/// <summary>
/// One behaviour of a <see cref="ReceiveActor"/>: its handlers in registration order. A message goes
/// to the first handler whose type matches and which accepts it.
/// </summary>
/// <remarks>
/// Dispatch walks the handlers and lets each one test the message's type itself (a generic type
/// test, which the JIT compiles to a cheap check) rather than caching candidate lists per type:
/// behaviours have few handlers, and a per-actor cache costs every idle actor more memory than
/// the walk costs time. Only the actor's own run loop touches a handler set.
/// </remarks>
internal sealed class MessageHandlerSet
{
    private static readonly MessageHandler[] NoHandlers = [];

    private MessageHandler[] _handlers = NoHandlers;
    private int _count;

    public void Add(MessageHandler handler)
    {
        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, Math.Max(4, _count * 2));
        }

        _handlers[_count++] = handler;
    }

    /// <summary>Trims the handler array to the registered handlers once configuration is over.</summary>
    public void Seal()
    {
        if (_handlers.Length != _count)
        {
            Array.Resize(ref _handlers, _count);
        }
    }

    public bool TryHandle(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < _count; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}
