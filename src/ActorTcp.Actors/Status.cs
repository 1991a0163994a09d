namespace ActorTcp.Actors;

/// <summary>
/// Replies that report how an operation went; an <c>Ask</c> that receives a <see cref="Failure"/>
/// fails with its <see cref="Failure.Cause"/>.
/// </summary>
public static class Status
{
    /// <summary>The operation succeeded.</summary>
    /// <param name="Result">An optional result.</param>
    public sealed record Success(object? Result);

    /// <summary>The operation failed.</summary>
    /// <param name="Cause">Why it failed.</param>
    public sealed record Failure(Exception Cause);
}
