using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Outbound.Docs;

/// <summary>docs/outbound.md shows only code that this folder compiles and runs.</summary>
public sealed partial class OutboundGuideTests
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
        // Arrange: blocks and sources are compared line by line, ignoring indentation; the guide
        // leaves out the namespace line, which is this folder's and not the reader's.
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, GuidePath));
        var sources = Directory.GetFiles(Path.Combine(root, CodeFolder), "*.cs")
            .Select(file => TrimmedLines(NamespaceLine().Replace(File.ReadAllText(file).ReplaceLineEndings("\n"), string.Empty)))
            .ToList();

        // Act
        var blocks = CodeBlock().Matches(guide).Select(m => TrimmedLines(m.Groups["code"].Value)).ToList();
        var missing = blocks.Where(block => !sources.Any(source => ContainsRun(source, block))).ToList();

        // Assert
        Assert.Equal(2, blocks.Count);
        Assert.True(missing.Count == 0, "guide code not found in " + CodeFolder + ":\n" + string.Join("\n---\n", missing.Select(b => string.Join('\n', b))));
    }

    private static string[] TrimmedLines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim())];

    private static bool ContainsRun(string[] source, string[] block)
    {
        for (var start = 0; start + block.Length <= source.Length; start++)
        {
            if (source.AsSpan(start, block.Length).SequenceEqual(block))
            {
                return true;
            }
        }

        return false;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, GuidePath)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{GuidePath} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^namespace [^\n]*;\n\n", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex("```csharp\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

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
