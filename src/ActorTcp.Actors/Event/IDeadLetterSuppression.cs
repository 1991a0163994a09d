namespace ActorTcp.Actors.Event;

/// <summary>
/// Marks a message whose arrival at a stopped actor is expected and harmless (an I/O completion that
/// races the actor's stop, for example): it is still counted as a dead letter, but never logged.
/// </summary>
/// <example>
/// <code>
/// internal sealed record AcceptCompleted(Task&lt;Socket&gt; Call) : IDeadLetterSuppression;
/// </code>
/// </example>
public interface IDeadLetterSuppression;
