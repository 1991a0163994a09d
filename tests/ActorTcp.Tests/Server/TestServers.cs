using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Metrics;
using ActorTcp.Server;

namespace ActorTcp.Tests.Server;

/// <summary>Starts servers on 127.0.0.1 and a kernel-chosen port, with the test connection actor.</summary>
internal static class TestServers
{
    public static ActorTcpOptions Options(Action<ActorTcpOptions>? configure = null)
    {
        var options = new ActorTcpOptions();
        options.Listen.Host = "127.0.0.1";
        options.Listen.Port = 0;
        options.Drain.Timeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return options;
    }

    public static TcpServer Start(
        ActorSystem system,
        ActorTcpOptions? options = null,
        Func<Socket, CancellationToken, ValueTask<Socket>>? accept = null,
        ActorTcpMetrics? metrics = null) =>
        TcpServer.Start(system, options ?? Options(), TestConnectionActor.Props, metrics ?? new ActorTcpMetrics(), ownsMetrics: true, accept: accept);
}
