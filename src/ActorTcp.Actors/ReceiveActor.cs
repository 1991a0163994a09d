namespace ActorTcp.Actors;

/// <summary>
/// An actor that declares its behaviour as typed handlers, registered in its constructor (or in a
/// <see cref="Become"/> block). For each message the first handler, in registration order, whose
/// type matches and which accepts the message handles it; messages no handler takes go to
/// <see cref="ActorBase.Unhandled"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class Counter : ReceiveActor
/// {
///     private int _count;
///
///     public Counter()
///     {
///         Receive&lt;int&gt;(n => n &gt; 0, n => _count += n);
///         Receive&lt;string&gt;(s => s == "get", _ => Sender.Tell(_count));
///         ReceiveAny(m => Sender.Tell(new Status.Failure(new ArgumentException($"unknown {m}"))));
///     }
/// }
/// </code>
/// </example>
public abstract class ReceiveActor : ActorBase
{
    private MessageHandlerSet _behaviour = new();
    private MessageHandlerSet? _configuring;
    private Stack<MessageHandlerSet>? _behaviourStack;

    /// <summary>Opens the handler table for the constructor.</summary>
    protected ReceiveActor()
    {
        _configuring = _behaviour;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new ActionHandler<T>(handler, null));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="shouldHandle">Decides whether this handler takes the message.</param>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">Decides whether this handler takes the message.</param>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle) => Receive(shouldHandle, handler);

    /// <summary>
    /// Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns
    /// whether it handled the message; when it did not, later handlers are tried.
    /// </summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="handler">Handles the message and returns true, or returns false to pass.</param>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new FuncHandler<T>(handler));
    }

    /// <summary>Handles any message that earlier handlers did not take.</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>
    /// Replaces the current behaviour, from the next message on, with the handlers that
    /// <paramref name="configure"/> registers.
    /// </summary>
    /// <param name="configure">Registers the new behaviour's handlers with <c>Receive</c>.</param>
    protected void Become(Action configure) => _behaviour = Build(configure);

    /// <summary>Like <see cref="Become"/>, but keeps the current behaviour for <see cref="UnbecomeStacked"/>.</summary>
    /// <param name="configure">Registers the new behaviour's handlers with <c>Receive</c>.</param>
    protected void BecomeStacked(Action configure)
    {
        var next = Build(configure);
        (_behaviourStack ??= new()).Push(_behaviour);
        _behaviour = next;
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
    protected sealed override bool Receive(object message) => _behaviour.TryHandle(message);

    internal override void OnConstructed()
    {
        _configuring?.Seal();
        _configuring = null;
    }

    private MessageHandlerSet Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var next = new MessageHandlerSet();
        _configuring = next;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        next.Seal();
        return next;
    }

    private MessageHandlerSet Configuring() => _configuring
        ?? throw new InvalidOperationException(
            "Receive handlers can only be registered in the actor's constructor or inside a Become/BecomeStacked block");
}
