using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>Where the server listens (HOCON section <c>actortcp.listen</c>).</summary>
public sealed class ListenOptions
{
    /// <summary>Address to bind; <c>0.0.0.0</c> is every IPv4 interface, <c>::</c> every interface.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "0.0.0.0";

    /// <summary>TCP port; 0 asks the kernel for a free port, which the server then reports.</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 7000;

    /// <summary>Accept queue length passed to listen(); the kernel caps it at net.core.somaxconn.</summary>
    [ConfigurationKeyName("backlog")]
    public int Backlog { get; set; } = 1024;

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.listen</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<ListenOptions>(section);
        check.NotEmpty(nameof(Host), Host, "(an address such as 0.0.0.0 or ::)");
        check.InRange(nameof(Port), Port, 0, 65535);
        check.InRange(nameof(Backlog), Backlog, 1, 65535);
    }
}
