namespace ActorTcp.Connections;

/// <summary>The outcome of adding bytes to a <see cref="WriteQueue"/>.</summary>
public enum EnqueueResult
{
    /// <summary>Queued; no change in the suspension state.</summary>
    Accepted,

    /// <summary>Queued, and the queue just crossed its high watermark: tell the handler writing is suspended.</summary>
    Suspended,

    /// <summary>Not queued: it would pass the hard cap; the queue is unchanged.</summary>
    Refused,
}
