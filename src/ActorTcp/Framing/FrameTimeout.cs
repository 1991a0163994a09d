namespace ActorTcp.Framing;

/// <summary>
/// Tracks since when a started frame has been waiting to complete, so the shell can enforce
/// <c>framing.frame-timeout</c> against peers that dribble a frame that never ends (slowloris).
/// Like the heartbeat, it only stamps times on reads; the shell checks it on its connection timer.
/// </summary>
/// <remarks>
/// A mutable struct held in a field of the connection: no allocation, one time stamp that is also
/// the flag, so it costs the connection eight bytes. Times are on the shell's monotonic clock, which
/// starts at zero when the connection opens, so they are never negative.
/// </remarks>
public struct FrameTimeout
{
    /// <summary>The pending frame's start in ticks, plus one; zero (the default) when no frame is pending.</summary>
    private long _pendingSinceTicksPlusOne;

    /// <summary>Whether a started frame is waiting to complete.</summary>
    public readonly bool IsPending => _pendingSinceTicksPlusOne != 0;

    /// <summary>When the frame now pending was started (meaningless unless <see cref="IsPending"/>).</summary>
    public readonly TimeSpan PendingSince => new(_pendingSinceTicksPlusOne - 1);

    /// <summary>Records the outcome of framing one read.</summary>
    /// <param name="completedFrame">Whether that read completed at least one frame.</param>
    /// <param name="partialFrame">Whether bytes of an unfinished frame are left (<see cref="IFramer.HasPartialFrame"/>).</param>
    /// <param name="now">The time of the read on the shell's monotonic clock; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is negative.</exception>
    public void Observe(bool completedFrame, bool partialFrame, TimeSpan now)
    {
        if (!partialFrame)
        {
            _pendingSinceTicksPlusOne = 0;
            return;
        }

        // A frame that completed means the leftover bytes started a new frame in this read;
        // otherwise a frame already pending keeps its original start, however many bytes trickle in.
        if (completedFrame || !IsPending)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(now, TimeSpan.Zero);
            _pendingSinceTicksPlusOne = now.Ticks + 1;
        }
    }

    /// <summary>Whether the pending frame has taken longer than <paramref name="frameTimeout"/>.</summary>
    /// <param name="now">The current time on the shell's monotonic clock.</param>
    /// <param name="frameTimeout">The configured <c>framing.frame-timeout</c>.</param>
    public readonly bool HasExpired(TimeSpan now, TimeSpan frameTimeout) =>
        IsPending && now - PendingSince >= frameTimeout;

    /// <summary>Time left before the pending frame expires, or null when no frame is pending.</summary>
    /// <param name="now">The current time on the shell's monotonic clock.</param>
    /// <param name="frameTimeout">The configured <c>framing.frame-timeout</c>.</param>
    public readonly TimeSpan? RemainingAt(TimeSpan now, TimeSpan frameTimeout) =>
        IsPending ? frameTimeout - (now - PendingSince) : null;
}
