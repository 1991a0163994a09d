using System.Buffers;
using System.Text;
using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.Teardown;
using ActorTcp.TestKit.Docs;

namespace ActorTcp.Tests.Outbound.Docs;

/// <summary>docs/outbound.md shows only code that this folder compiles and runs.</summary>
public sealed class OutboundGuideTests
{
    private const string GuidePath = "docs/outbound.md";
    private const string CodeFolder = "tests/ActorTcp.Tests/Outbound/Docs";

    [Fact]
    public async Task UpstreamProgram_LogsInSubscribesAndReadsAPrice()
    {
        // Arrange: a price server that wants the login before the subscription.
        await using var system = ActorSystem.Create("price-server");
        var options = OutboundTestOptions.ServerOptions();
        await using var server = await TcpServer.StartAsync(system, options, () => new PriceServer());

        // Act
        var price = await UpstreamProgram.RunAsync("127.0.0.1:" + server.Port);

        // Assert
        Assert.Equal("PRICE EURUSD 1.0842", price);
    }

    [Fact]
    public void EveryCodeBlockOfTheGuide_IsCodeOfThisFolder()
    {
        // Act
        var guide = GuideCode.Read(GuidePath, CodeFolder);

        // Assert
        Assert.Equal(2, guide.BlockCount);
        Assert.True(guide.Missing.Count == 0, guide.DescribeMissing());
    }

    /// <summary>Answers a subscription with one price, but only after a login on the same connection.</summary>
    private sealed class PriceServer : IConnectionHandler
    {
        private bool _loggedIn;

        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            var line = Encoding.UTF8.GetString(frame);
            _loggedIn |= line.StartsWith("LOGIN ", StringComparison.Ordinal);
            if (line == "SUBSCRIBE prices")
            {
                connection.Send(Encoding.UTF8.GetBytes(_loggedIn ? "PRICE EURUSD 1.0842" : "ERROR login first"));
            }
        }

        public void OnPeerClosed(IConnectionContext connection) => connection.Close();

        public void OnWritingSuspended(IConnectionContext connection)
        {
        }

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }
}
