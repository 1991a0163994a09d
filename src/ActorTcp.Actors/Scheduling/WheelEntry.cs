namespace ActorTcp.Actors.Scheduling;

/// <summary>
/// One scheduled piece of work in a <see cref="HashedWheelTimer"/>, and at the same time the
/// <see cref="ICancelable"/> handed back to the caller, so scheduling allocates this object only.
/// </summary>
/// <remarks>
/// <para>
/// An entry lives first in the wheel's lock-free pending stack, then in exactly one bucket's
/// singly linked list; <see cref="Next"/> serves both. Everything except the cancellation flag is
/// touched only by the thread that owns the wheel's tick, once the entry has left the pending stack.
/// </para>
/// <para>
/// The work itself is the derived type's <see cref="Run"/>: a <see cref="CallbackEntry"/> for callers'
/// delegates and callbacks, and a keyed timer (see <c>ActorTimer</c>), so that one object is the
/// timer, its wheel entry and its handle, with no field for a callback it does not need:
/// connections keep one armed timer each, by the ten thousand.
/// </para>
/// </remarks>
internal abstract class WheelEntry : ICancelable
{
    private int _cancelled;

    /// <summary>Creates an entry due at <paramref name="deadline"/>.</summary>
    protected WheelEntry(long deadline, long interval)
    {
        Deadline = deadline;
        Interval = interval;
    }

    /// <summary>Creates an entry whose deadline the wheel sets with <see cref="Arm"/>.</summary>
    protected WheelEntry()
    {
    }

    /// <summary>Gets or sets when the entry is due, in <see cref="TimeSpan"/> ticks since the wheel started.</summary>
    public long Deadline { get; set; }

    /// <summary>Gets the period of repeated work in <see cref="TimeSpan"/> ticks, or 0 for one-shot work.</summary>
    public long Interval { get; private set; }

    /// <summary>Gets or sets the wheel tick on which the entry is run.</summary>
    public long DueTick { get; set; }

    /// <summary>Gets or sets the order in which the wheel placed the entry; it breaks ties between equal deadlines.</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// Run as soon after the deadline as the driving timer can wake, not at the end of its tick
    /// (single runs only; see <see cref="HashedWheelTimer"/>).
    /// </summary>
    public bool IsExact { get; private set; }

    /// <summary>Gets or sets the next entry in the pending stack or in the bucket.</summary>
    public WheelEntry? Next { get; set; }

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <inheritdoc />
    public void Cancel() => Volatile.Write(ref _cancelled, 1);

    /// <summary>Sets when an entry made by a derived type is due and how often it repeats, before the wheel takes it.</summary>
    /// <param name="deadline">In <see cref="TimeSpan"/> ticks since the wheel started.</param>
    /// <param name="interval">The period in <see cref="TimeSpan"/> ticks, or 0 for one-shot work.</param>
    /// <param name="exact">Whether it runs at its deadline rather than at the end of its tick.</param>
    public void Arm(long deadline, long interval, bool exact)
    {
        Deadline = deadline;
        Interval = interval;
        IsExact = exact;
    }

    /// <summary>Runs the work; exceptions propagate to the wheel, which logs them.</summary>
    public abstract void Run();

    /// <summary>Orders entries by deadline, then by placement order.</summary>
    public static int CompareByDeadline(WheelEntry x, WheelEntry y)
    {
        var byDeadline = x.Deadline.CompareTo(y.Deadline);
        return byDeadline != 0 ? byDeadline : x.Sequence.CompareTo(y.Sequence);
    }
}
