using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors;

/// <summary>Telling an actor from the completion of an asynchronous operation (socket I/O).</summary>
public static class CompletionExtensions
{
    /// <summary>
    /// Tells <paramref name="receiver"/> <paramref name="message"/> without a sender and, when this
    /// tell is what makes the idle actor runnable, runs the actor on the calling thread before
    /// returning instead of queueing it on the thread pool. That happens only on a thread-pool
    /// thread that is not running an actor already; inside an actor's run, on any other thread, or
    /// when the actor is busy, suspended or not local, it is an ordinary <see cref="IActorRef.Tell"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Use it only from code that owes its thread to nobody once it has told the actor, such as the
    /// completion callback of a socket operation: the thread pool handed that callback the thread,
    /// and after the tell the callback is done. Running the actor there saves a second trip through
    /// the pool's queue (and often a move to another core) per completion. Code that goes on to do
    /// more work, holds a lock, or runs on a thread with a job of its own (a timer, an event loop)
    /// would be held up by the actor's run, or deadlock with it, and must use
    /// <see cref="IActorRef.Tell"/>.
    /// </para>
    /// <para>
    /// The actor's guarantees are those of a tell: one run at a time, messages from one sender in
    /// order, at most <see cref="ActorSystemSettings.Throughput"/> messages before the thread is
    /// yielded (the rest run as a queued work item). The caller gets its thread back with the
    /// execution context it had, whatever the actor set (an <see cref="AsyncLocal{T}"/> value, say).
    /// </para>
    /// </remarks>
    /// <param name="receiver">The actor to tell.</param>
    /// <param name="message">The message; must not be null.</param>
    /// <example>
    /// <code>
    /// protected override void OnCompleted(SocketAsyncEventArgs e) =&gt; _connection.TellFromCompletion(ReadReady.Instance);
    /// </code>
    /// </example>
    public static void TellFromCompletion(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (receiver is LocalActorRef local)
        {
            local.Cell.SendMessageFromCompletion(message);
            return;
        }

        receiver.Tell(message, ActorRefs.NoSender);
    }
}
