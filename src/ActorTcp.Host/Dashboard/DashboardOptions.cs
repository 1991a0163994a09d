namespace ActorTcp.Host.Dashboard;

/// <summary>How the dashboard samples the server and how much it keeps for a page that opens late.</summary>
public sealed class DashboardOptions
{
    /// <summary>How often the server is sampled and an event is sent to each open page; one second by default.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far back the charts reach; a page that opens gets this much history at once. Five minutes by default.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many connections (the lowest ids) are listed in the table; the counts by state
    /// always cover every connection. 2,000 by default.
    /// </summary>
    public int MaxConnectionRows { get; set; } = 2000;

    /// <summary>The clock the sampler ticks on; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many samples the history holds.</summary>
    internal int HistoryLength => (int)Math.Max(1, Math.Ceiling(History / SampleInterval));

    /// <summary>Rejects values the dashboard cannot work with.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval, the history or the row limit is not positive.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleInterval, TimeSpan.Zero, nameof(SampleInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(History, SampleInterval, nameof(History));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxConnectionRows, 0, nameof(MaxConnectionRows));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
