namespace ActorTcp.Tests.Support;

/// <summary>A client that answers every heartbeat ping with a pong and counts the pings.</summary>
public sealed class PongingClient : IDisposable
{
    private readonly TestClient _client;
    private int _pings;

    private PongingClient(TestClient client, string ping, string pong)
    {
        _client = client;
        Finished = RunAsync(ping, pong);
    }

    public int Pings => Volatile.Read(ref _pings);

    /// <summary>Completes with how the server ended the connection.</summary>
    public Task<ClientOutcome> Finished { get; }

    public static async Task<PongingClient> ConnectAsync(int port, string ping = "PING", string pong = "PONG") =>
        new(await TestClient.ConnectAsync(port), ping, pong);

    public void Dispose() => _client.Dispose();

    private async Task<ClientOutcome> RunAsync(string ping, string pong)
    {
        try
        {
            while (await _client.ReadLineAsync(Timeout.InfiniteTimeSpan) is { } line)
            {
                if (line == ping)
                {
                    Interlocked.Increment(ref _pings);
                    await _client.SendLineAsync(pong);
                }
            }

            return ClientOutcome.EndOfStream;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return ClientOutcome.Reset;
        }
        catch (ObjectDisposedException)
        {
            return ClientOutcome.EndOfStream;
        }
    }
}
