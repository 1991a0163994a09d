using System.Net;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// The console host's admin HTTP API (HOCON section <c>actortcp.admin</c>): health, readiness,
/// Prometheus metrics and the connections API. An embedding service that has no admin API ignores it.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>Address the admin API binds; the loopback default keeps it off the network.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the admin API; 0 asks the kernel for a free port.</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 7480;

    /// <summary>
    /// Bearer token every mutating admin call must present; empty for none, which the host allows only
    /// on a loopback address.
    /// </summary>
    [ConfigurationKeyName("token")]
    public string Token { get; set; } = string.Empty;

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.admin</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<AdminOptions>(section);
        if (!IPAddress.TryParse(Host, out _))
        {
            throw check.Fail(nameof(Host), $"\"{Host}\" is not an IP address; expected an address such as 127.0.0.1, 0.0.0.0 or ::.");
        }

        check.InRange(nameof(Port), Port, 0, 65535);
    }
}
