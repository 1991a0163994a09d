using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Event;

/// <summary>
/// Counts a system's dead letters and logs them without flooding: the first
/// <see cref="ActorSystemSettings.DeadLettersLoggedIndividually"/> one by one at Information, then
/// at most one Debug summary per <see cref="ActorSystemSettings.DeadLetterSummaryInterval"/>.
/// Messages marked <see cref="IDeadLetterSuppression"/> are counted only.
/// </summary>
/// <remarks>
/// The summary is written when a dead letter arrives after the interval has passed (and once more
/// when the system terminates), so a quiet system costs no timer.
/// </remarks>
internal sealed class DeadLetterMonitor(ILogger logger, TimeProvider timeProvider, int loggedIndividually, TimeSpan summaryInterval)
{
    private long _count;
    private long _unsuppressed;
    private long _notLoggedSinceSummary;
    private long _lastSummary = timeProvider.GetTimestamp();

    public long Count => Volatile.Read(ref _count);

    public void Publish(DeadLetter deadLetter, bool unhandled)
    {
        var count = Interlocked.Increment(ref _count);
        if (deadLetter.Message is IDeadLetterSuppression)
        {
            return;
        }

        if (Interlocked.Increment(ref _unsuppressed) <= loggedIndividually)
        {
            var type = deadLetter.Message.GetType().FullName ?? deadLetter.Message.GetType().Name;
            if (unhandled)
            {
                ActorLog.UnhandledMessage(logger, type, deadLetter.Sender, deadLetter.Recipient, count);
            }
            else
            {
                ActorLog.DeadLetter(logger, type, deadLetter.Sender, deadLetter.Recipient, count);
            }

            return;
        }

        Interlocked.Increment(ref _notLoggedSinceSummary);
        var last = Volatile.Read(ref _lastSummary);
        var now = timeProvider.GetTimestamp();
        if (timeProvider.GetElapsedTime(last, now) >= summaryInterval
            && Interlocked.CompareExchange(ref _lastSummary, now, last) == last)
        {
            WriteSummary();
        }
    }

    /// <summary>Logs what is left unsummarized; called when the system terminates.</summary>
    public void Flush() => WriteSummary();

    private void WriteSummary()
    {
        var notLogged = Interlocked.Exchange(ref _notLoggedSinceSummary, 0);
        if (notLogged > 0)
        {
            ActorLog.DeadLettersSummary(logger, notLogged, Count);
        }
    }
}
