using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTcp.Hosting.Tests;

public sealed class WorkerSampleTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task DocumentedWorker_ServesWithPortFromTheCommandLine()
    {
        // Arrange
        using var host = WorkerSample.Build(["--actortcp:listen:host=127.0.0.1", "--actortcp:listen:port=0"]);
        await host.StartAsync();
        var server = host.Services.GetRequiredService<ActorTcpServerAccessor>().Server;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);

        // Act
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("worker\n"));
        var echoed = await reader.ReadLineAsync().WaitAsync(Generous);
        var connections = await server.GetConnectionsAsync();
        client.Client.Shutdown(SocketShutdown.Send);
        await host.StopAsync().WaitAsync(Generous);

        // Assert
        Assert.Equal("WORKER", echoed);
        Assert.Single(connections);
    }
}
