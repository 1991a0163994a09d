using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors;

/// <summary>Request-reply on top of <see cref="IActorRef.Tell"/>.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply. A
    /// <see cref="Status.Failure"/> reply faults the task with its cause; no reply within
    /// <paramref name="timeout"/> faults it with an <see cref="AskTimeoutException"/>.
    /// </summary>
    /// <typeparam name="T">The expected reply type; another type faults the task with an <see cref="InvalidCastException"/>.</typeparam>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait for the reply; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait (the request is still delivered).</param>
    /// <example>
    /// <code>
    /// var count = await counter.Ask&lt;int&gt;("get", TimeSpan.FromSeconds(2));
    /// </code>
    /// </example>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The ask timeout must be positive or infinite");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var system = (target as IInternalActorRef)?.System
            ?? throw new ArgumentException($"Cannot ask [{target.Path}]: it is not an actor of a running system", nameof(target));
        var promise = new PromiseActorRef<T>(system, target, message.GetType(), timeout, cancellationToken);
        target.Tell(message, promise);

        // An asking actor may block on the answer; the target must not wait in its hand-off slot.
        ActorCell.ReleaseHandOff();
        return promise.Task;
    }

    /// <summary>Like <see cref="Ask{T}"/>, accepting a reply of any type.</summary>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait for the reply.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Ask<object>(target, message, timeout, cancellationToken);
}
