using System.Globalization;
using System.Net;

namespace ActorTcp.Outbound;

/// <summary>
/// Where an outbound connection dials: a host name, resolved again before every attempt (its
/// addresses may change while the connection is down), or a literal address.
/// </summary>
/// <param name="Host">The host name or address as given.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="Address">The address when the host is a literal one; null when it is resolved.</param>
internal sealed record OutboundTarget(string Host, int Port, IPAddress? Address)
{
    /// <summary>The target as <c>host:port</c>, with brackets around an IPv6 address.</summary>
    public override string ToString()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        return Address?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + Host + "]:" + port : Host + ":" + port;
    }

    /// <summary>Parses <c>host:port</c>, <c>1.2.3.4:port</c> or <c>[::1]:port</c>.</summary>
    /// <param name="text">The target.</param>
    /// <returns>The target.</returns>
    /// <exception cref="FormatException">The text is not a host and a port from 1 to 65535.</exception>
    public static OutboundTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string host;
        string port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(text);
            }

            host = text[1..close];
            port = text[(close + 2)..];
        }
        else
        {
            var colon = text.LastIndexOf(':');

            // Two colons without brackets is an IPv6 address whose port cannot be told apart.
            if (colon < 0 || text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw Invalid(text);
            }

            host = text[..colon];
            port = text[(colon + 1)..];
        }

        if (host.Length == 0 || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw Invalid(text);
        }

        return Create(host, number, text);
    }

    /// <summary>The target of <paramref name="endPoint"/>: an <see cref="IPEndPoint"/> or a <see cref="DnsEndPoint"/>.</summary>
    /// <param name="endPoint">Where to dial.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">Another kind of end point.</exception>
    public static OutboundTarget From(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => new OutboundTarget(ip.Address.ToString(), ip.Port, ip.Address),
        DnsEndPoint dns => Create(dns.Host, dns.Port, dns.ToString()),
        null => throw new ArgumentNullException(nameof(endPoint)),
        _ => throw new ArgumentException($"Cannot dial a {endPoint.GetType().Name}; use an IPEndPoint or a DnsEndPoint.", nameof(endPoint)),
    };

    private static OutboundTarget Create(string host, int port, string text)
    {
        if (port is < 1 or > 65535)
        {
            throw Invalid(text);
        }

        return new OutboundTarget(host, port, IPAddress.TryParse(host, out var address) ? address : null);
    }

    private static FormatException Invalid(string text) =>
        new($"'{text}' is not a target of the form host:port, 1.2.3.4:port or [::1]:port with a port from 1 to 65535.");
}
