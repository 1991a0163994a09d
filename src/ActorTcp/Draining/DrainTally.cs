using ActorTcp.Teardown;

namespace ActorTcp.Draining;

/// <summary>The running count of one drain, kept by the connection manager until the last connection has closed.</summary>
internal sealed class DrainTally
{
    private readonly int _connections;
    private int _peerFirst;
    private int _localFirst;
    private int _reset;
    private int _abortedAtDeadline;

    /// <summary>Starts counting a drain of <paramref name="connections"/> open connections.</summary>
    /// <param name="connections">Connections open when the drain began.</param>
    /// <param name="startTimestamp">The clock's timestamp at the start.</param>
    public DrainTally(int connections, long startTimestamp)
    {
        _connections = connections;
        StartTimestamp = startTimestamp;
    }

    /// <summary>The clock's timestamp at the start.</summary>
    public long StartTimestamp { get; }

    /// <summary>Counts one closed connection by the side that closed first.</summary>
    /// <param name="firstBy">Who closed first.</param>
    public void Closed(ClosedFirstBy firstBy)
    {
        switch (firstBy)
        {
            case ClosedFirstBy.Peer:
                _peerFirst++;
                break;
            case ClosedFirstBy.Local:
                _localFirst++;
                break;
            default:
                _reset++;
                break;
        }
    }

    /// <summary>Counts the connections still open at the deadline.</summary>
    /// <param name="count">How many were told to abort.</param>
    public void AbortedAtDeadline(int count) => _abortedAtDeadline += count;

    /// <summary>The report, once every connection has closed.</summary>
    /// <param name="elapsed">The drain's duration.</param>
    public DrainReport ToReport(TimeSpan elapsed) =>
        new(_connections, _peerFirst, _localFirst, _reset, _abortedAtDeadline, elapsed);
}
