namespace ActorTcp.Actors.Dispatch;

/// <summary>
/// The user-message queue of one mailbox: an unbounded multi-producer, single-consumer linked
/// list in Dmitry Vyukov's style. Producers append with one atomic exchange and never lock; the
/// single consumer is the actor's own run loop.
/// </summary>
/// <remarks>
/// An empty queue is a single stub node (its head equals its tail), so an idle actor holds no
/// preallocated segment — unlike <c>ConcurrentQueue&lt;T&gt;</c>, whose first segment has 32 slots.
/// Each dequeued node becomes the new stub; its envelope is cleared so the queue never keeps a
/// processed message alive.
/// </remarks>
internal struct MessageQueue
{
    private MessageNode _head;
    private MessageNode _tail;

    /// <summary>Creates an empty queue with its stub node.</summary>
    public MessageQueue()
    {
        _head = _tail = new MessageNode();
    }

    /// <summary>
    /// True when no producer has appended anything that the consumer has not taken yet. Checks the
    /// tail, so a message whose link is still being published counts as present.
    /// </summary>
    internal bool IsEmpty => ReferenceEquals(Volatile.Read(ref _tail), _head);

    /// <summary>True when the queue holds nothing but its stub node (for tests and diagnostics).</summary>
    internal readonly bool IsBareStub =>
        ReferenceEquals(_head, _tail) && _head.Next is null && _head.Envelope.Message is null;

    /// <summary>Appends an envelope; safe from any number of threads at once.</summary>
    public void Enqueue(in Envelope envelope)
    {
        var node = new MessageNode(envelope);
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>
    /// Takes the oldest envelope. Only the owning run loop may call this. Returns false when the
    /// queue is empty or when the next producer has not finished linking its node yet; the caller
    /// checks <see cref="IsEmpty"/> afterwards to tell the two apart.
    /// </summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Envelope;
        next.Envelope = default;
        _head = next;
        return true;
    }
}
