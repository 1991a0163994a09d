namespace ActorTcp.Listening;

/// <summary>
/// The wait between accept attempts after transient failures: starts at <see cref="Initial"/>,
/// doubles per failure up to <see cref="Max"/>, and returns to the start after a success. Without
/// it a listener out of file descriptors (EMFILE) would retry accept() in a busy loop: the pending
/// connection stays in the kernel's queue, so every retry fails at once.
/// </summary>
internal sealed class AcceptBackoff
{
    private TimeSpan _next;

    /// <summary>Creates a back-off from <paramref name="initial"/> doubling up to <paramref name="max"/>.</summary>
    /// <param name="initial">The first wait.</param>
    /// <param name="max">The longest wait.</param>
    public AcceptBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        Initial = initial;
        Max = max;
        _next = initial;
    }

    /// <summary>The default: 10 ms doubling to 1 s.</summary>
    public static AcceptBackoff CreateDefault() => new(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));

    /// <summary>The first wait after a success.</summary>
    public TimeSpan Initial { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan Max { get; }

    /// <summary>Records a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var delay = _next;
        var doubled = _next + _next;
        _next = doubled > Max ? Max : doubled;
        return delay;
    }

    /// <summary>Records a successful accept: the next failure waits <see cref="Initial"/> again.</summary>
    public void Reset() => _next = Initial;
}
