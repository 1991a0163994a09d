namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// A stand-alone <see cref="ICancelable"/>: a thread-safe flag a caller creates up front and hands to
/// scheduled work, which checks it before acting (the shape of Akka.NET's <c>Cancelable</c>, used with
/// overloads such as <c>ScheduleTellOnce(..., cancelable)</c>).
/// </summary>
/// <example>
/// <code>
/// var cancelable = new Cancelable();
/// wheel.Schedule(TimeSpan.FromSeconds(5), static s => { if (!((Cancelable)s!).IsCancellationRequested) { /* act */ } }, cancelable);
/// cancelable.Cancel();
/// </code>
/// </example>
public sealed class Cancelable : ICancelable
{
    private int _cancelled;

    /// <summary>Gets a handle that is already cancelled, for work that was never scheduled.</summary>
    public static ICancelable Cancelled { get; } = CreateCancelled();

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <inheritdoc />
    public void Cancel() => Volatile.Write(ref _cancelled, 1);

    private static Cancelable CreateCancelled()
    {
        var cancelled = new Cancelable();
        cancelled.Cancel();
        return cancelled;
    }
}
