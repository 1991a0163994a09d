using System.Threading.Channels;

namespace ActorTcp.Host.Dashboard;

/// <summary>
/// One page's view of the sampler: the history and latest tick at the moment it subscribed, then
/// every later tick, in order, none missed and none repeated.
/// </summary>
internal sealed class DashboardSubscription : IDisposable
{
    private readonly Channel<DashboardTick> _ticks;
    private readonly Action<DashboardSubscription> _unsubscribe;

    public DashboardSubscription(IReadOnlyList<DashboardSample> history, DashboardTick? latest, Action<DashboardSubscription> unsubscribe)
    {
        History = history;
        Latest = latest;
        _unsubscribe = unsubscribe;

        // A page that cannot keep up loses intermediate ticks, never the latest one: each tick
        // carries the whole table, so the next diff is still exact.
        _ticks = Channel.CreateBounded<DashboardTick>(new BoundedChannelOptions(4)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    /// <summary>The samples before the subscription, oldest first.</summary>
    public IReadOnlyList<DashboardSample> History { get; }

    /// <summary>The latest tick at the subscription, if the sampler has ticked yet.</summary>
    public DashboardTick? Latest { get; }

    /// <summary>The ticks after the subscription; completes when the sampler stops.</summary>
    public ChannelReader<DashboardTick> Ticks => _ticks.Reader;

    public void Dispose() => _unsubscribe(this);

    internal void Publish(DashboardTick tick) => _ticks.Writer.TryWrite(tick);

    internal void Complete() => _ticks.Writer.TryComplete();
}
