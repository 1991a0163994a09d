using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.Outbound;

namespace ActorTcp.Tests.Outbound.Docs;

public static class UpstreamProgram
{
    public static async Task<string> RunAsync(string target)
    {
        await using var system = ActorSystem.Create("gateway");
        await using var clients = new TcpClientManager(system);

        var options = new ActorTcpOptions();
        options.Heartbeat.Mode = HeartbeatMode.Active;      // ping after 30 s of silence; dead after 3 more 10 s periods
        options.Outbound.BufferWhileDisconnected = 64 * 1024;
        options.Outbound.Reconnect.MaxBackoff = TimeSpan.FromSeconds(10);

        var handler = new UpstreamHandler();
        var upstream = clients.ConnectTo(target, options, handler);

        // Accepted once connected, Buffered while a dial is under way; a frame that is not sent says so.
        var sent = await upstream.SendAsync("SUBSCRIBE prices"u8.ToArray());
        if (sent is OutboundSendResult.NotConnected or OutboundSendResult.Closed)
        {
            throw new InvalidOperationException($"SUBSCRIBE was not sent: {sent}");
        }

        var price = await handler.FirstPrice.WaitAsync(TimeSpan.FromSeconds(10));
        await upstream.CloseAsync();
        return price;
    }
}
