namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// A handle to scheduled work that can be cancelled, in the shape of Akka.NET's <c>ICancelable</c>.
/// </summary>
/// <remarks>
/// Cancelling is cheap (a flag) and may be done from any thread, including from inside another
/// scheduled callback. Work whose cancellation is requested before its turn begins never runs; a
/// <see cref="Cancel"/> racing on another thread with the very moment the work starts cannot stop
/// that one run, but stops every later run of repeated work.
/// </remarks>
public interface ICancelable
{
    /// <summary>Gets a value indicating whether <see cref="Cancel"/> has been called (or the owner stopped).</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Requests cancellation. Idempotent; calling it after the work ran has no effect on that run.</summary>
    void Cancel();
}
