namespace ActorTcp.Actors;

/// <summary>
/// One behaviour of a <see cref="ReceiveActor"/>: its handlers in registration order, plus a cache
/// from a message's runtime type to the handlers that accept it, so dispatch never re-tests types
/// the behaviour has already seen.
/// </summary>
/// <remarks>
/// Only the actor's own run loop touches a handler set, so the caches need no synchronization.
/// The last type seen is kept apart because an actor mostly receives the same type again.
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

        _candidatesByType ??= new();
        if (!_candidatesByType.TryGetValue(type, out var candidates))
        {
            var matching = new List<MessageHandler>(_count);
            for (var i = 0; i < _count; i++)
            {
                if (_handlers[i].MessageType.IsAssignableFrom(type))
                {
                    matching.Add(_handlers[i]);
                }
            }

            candidates = matching.Count == 0 ? NoHandlers : matching.ToArray();
            _candidatesByType[type] = candidates;
        }

        _lastType = type;
        _lastCandidates = candidates;
        return candidates;
    }
}
