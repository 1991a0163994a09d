using ActorTcp.Server;
using ActorTcp.TestKit;

namespace ActorTcp.Tests.Server;

/// <summary>
/// The supervision scenario shared by the test connection actor and the real one: a connection that
/// fails on the line <c>boom</c> must end alone.
/// </summary>
internal static class FailingConnectionScenario
{
    /// <summary>
    /// Opens 50 healthy connections and one failing one, sends <c>boom</c> on the failing one, and asserts
    /// that its socket is released (the client sees the end), the registry drops it, and the 50 still echo.
    /// </summary>
    public static async Task OnlyTheFailingOneClosesAsync(TcpServer server)
    {
        var healthy = new List<LoopbackClient>();
        for (var i = 0; i < 50; i++)
        {
            healthy.Add(await LoopbackClient.ConnectAsync(server.Port));
        }

        using var failing = await LoopbackClient.ConnectAsync(server.Port);
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 51, "51 connections are registered");

        await failing.SendLineAsync("boom");

        await failing.ReadUntilClosedAsync();
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 50, "only the failing connection is gone");
        for (var i = 0; i < healthy.Count; i++)
        {
            Assert.Equal("alive " + i, await healthy[i].EchoAsync("alive " + i));
        }

        healthy.ForEach(c => c.Dispose());
    }
}
