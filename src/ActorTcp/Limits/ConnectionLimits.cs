using System.Net;

namespace ActorTcp.Limits;

/// <summary>
/// Counts open connections, in total and per remote address, and admits a new one only under
/// <c>limits.max-connections</c> and <c>limits.max-connections-per-ip</c>. Owned by the connection
/// manager (one actor, no locking); a slot is taken at admission and given back when the connection
/// has ended.
/// </summary>
internal sealed class ConnectionLimits
{
    private readonly int _maxConnections;
    private readonly int _maxPerAddress;
    private readonly Dictionary<IPAddress, int> _perAddress = [];

    /// <summary>Creates the counters.</summary>
    /// <param name="maxConnections">Most open connections.</param>
    /// <param name="maxPerAddress">Most open connections from one address; 0 for no per-address limit.</param>
    public ConnectionLimits(int maxConnections, int maxPerAddress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerAddress);
        _maxConnections = maxConnections;
        _maxPerAddress = maxPerAddress;
    }

    /// <summary>Open connections.</summary>
    public int Open { get; private set; }

    /// <summary>The metric tag for a rejection.</summary>
    /// <param name="admission">A rejecting verdict.</param>
    public static string ReasonTag(Admission admission) => admission switch
    {
        Admission.OverMaxConnections => "max-connections",
        Admission.OverMaxConnectionsPerIp => "max-connections-per-ip",
        _ => throw new ArgumentOutOfRangeException(nameof(admission), admission, "Not a rejection."),
    };

    /// <summary>Admits a connection from <paramref name="address"/> and counts it, or says which limit it is over.</summary>
    /// <param name="address">The peer's address (IPv4-mapped IPv6 addresses count as IPv4).</param>
    public Admission TryAdmit(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Open >= _maxConnections)
        {
            return Admission.OverMaxConnections;
        }

        var key = Normalize(address);
        _perAddress.TryGetValue(key, out var fromAddress);
        if (_maxPerAddress > 0 && fromAddress >= _maxPerAddress)
        {
            return Admission.OverMaxConnectionsPerIp;
        }

        _perAddress[key] = fromAddress + 1;
        Open++;
        return Admission.Admitted;
    }

    /// <summary>Gives back the slot of an admitted connection from <paramref name="address"/>.</summary>
    /// <param name="address">The address it was admitted with.</param>
    public void Release(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = Normalize(address);
        if (!_perAddress.TryGetValue(key, out var fromAddress))
        {
            throw new InvalidOperationException($"No connection from {address} is counted.");
        }

        if (fromAddress == 1)
        {
            _perAddress.Remove(key);
        }
        else
        {
            _perAddress[key] = fromAddress - 1;
        }

        Open--;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
