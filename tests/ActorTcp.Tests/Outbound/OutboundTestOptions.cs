using ActorTcp.Configuration;
using ActorTcp.Heartbeats;

namespace ActorTcp.Tests.Outbound;

/// <summary>Client and server options for the outbound scenarios.</summary>
internal static class OutboundTestOptions
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// A client: line framing, heartbeat off, redials from 100 ms doubling up to 2 s. The teardown
    /// options are the defaults (prefer-peer-close on), which a dialled connection must not apply.
    /// </summary>
    public static ActorTcpOptions ClientOptions(Action<ActorTcpOptions>? configure = null)
    {
        var options = new ActorTcpOptions();
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Outbound.ConnectTimeout = TimeSpan.FromSeconds(5);
        options.Outbound.Reconnect.MinBackoff = TimeSpan.FromMilliseconds(100);
        options.Outbound.Reconnect.MaxBackoff = TimeSpan.FromSeconds(2);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>An echo server on <paramref name="host"/> and <paramref name="port"/> (0 for any), with the default goodbye-first drain.</summary>
    public static ActorTcpOptions ServerOptions(int port = 0, string host = "127.0.0.1")
    {
        var options = new ActorTcpOptions();
        options.Listen.Host = host;
        options.Listen.Port = port;
        options.Drain.Timeout = TimeSpan.FromSeconds(5);
        return options;
    }
}
