namespace ActorTcp.Actors;

/// <summary>
/// One behaviour of a <see cref="ReceiveActor"/>: its handlers in registration order, plus a cache
/// from a message's runtime type to the handlers that accept it, so dispatch never re-tests types
/// the behaviour has already seen.
/// </summary>
/// <remarks>
/// Only the actor's own run loop touches a handler set, so the caches need no synchronization.
/// The last type seen is kept apart because an actor mostly receives the same type again; the
/// dictionary of every type seen is only allocated once a second type arrives, because an idle
/// actor should cost as little memory as possible.
/// </remarks>
internal sealed class MessageHandlerSet
{
    private static readonly MessageHandler[] NoHandlers = [];

    private MessageHandler[] _handlers = NoHandlers;
    private int _count;
    private Type? _lastType;
    private MessageHandler[] _lastCandidates = NoHandlers;
    private Dictionary<Type, MessageHandler[]>? _candidatesByType;

    public void Add(MessageHandler handler)
    {
        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, Math.Max(4, _count * 2));
        }

        _handlers[_count++] = handler;
        _lastType = null;
        _candidatesByType = null;
    }

    /// <summary>
    /// Trims the handler array to the registered handlers once configuration is over, so that a
    /// message type every handler accepts can share it as its candidate list.
    /// </summary>
    public void Seal()
    {
        if (_handlers.Length != _count)
        {
            Array.Resize(ref _handlers, _count);
        }
    }

    public bool TryHandle(object message)
    {
        var candidates = CandidatesFor(message.GetType());
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    private MessageHandler[] CandidatesFor(Type type)
    {
        if (ReferenceEquals(type, _lastType))
        {
            return _lastCandidates;
        }

        if (_candidatesByType is null || !_candidatesByType.TryGetValue(type, out var candidates))
        {
            candidates = Match(type);

            // The table is made when a second type arrives: most idle actors have only ever seen one,
            // and the last-type cache alone serves them without a dictionary per actor.
            if (_lastType is not null)
            {
                _candidatesByType ??= new() { [_lastType] = _lastCandidates };
                _candidatesByType[type] = candidates;
            }
        }

        _lastType = type;
        _lastCandidates = candidates;
        return candidates;
    }

    private MessageHandler[] Match(Type type)
    {
        var matching = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_handlers[i].MessageType.IsAssignableFrom(type))
            {
                matching++;
            }
        }

        if (matching == 0)
        {
            return NoHandlers;
        }

        // A full, sealed array is never written again (a later Add reallocates it), so it can be shared.
        if (matching == _handlers.Length)
        {
            return _handlers;
        }

        var candidates = new MessageHandler[matching];
        var next = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_handlers[i].MessageType.IsAssignableFrom(type))
            {
                candidates[next++] = _handlers[i];
            }
        }

        return candidates;
    }
}
