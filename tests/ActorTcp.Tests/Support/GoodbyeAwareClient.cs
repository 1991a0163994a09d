namespace ActorTcp.Tests.Support;

/// <summary>
/// A client that speaks the goodbye convention: when it reads the goodbye line it closes at once, so
/// its FIN is the first one and the TIME_WAIT socket ends up on the client's side.
/// </summary>
public sealed class GoodbyeAwareClient : IDisposable
{
    private readonly TestClient _client;

    private GoodbyeAwareClient(TestClient client, string goodbye)
    {
        _client = client;
        LocalPort = client.LocalPort;
        Closed = RunAsync(goodbye);
    }

    public int LocalPort { get; }

    /// <summary>Completes with the lines read before the goodbye, once the client has closed.</summary>
    public Task<IReadOnlyList<string>> Closed { get; }

    public static async Task<GoodbyeAwareClient> ConnectAsync(int port, string goodbye = "BYE") =>
        new(await TestClient.ConnectAsync(port), goodbye);

    public Task SendLineAsync(string line) => _client.SendLineAsync(line);

    public void Dispose() => _client.Dispose();

    private async Task<IReadOnlyList<string>> RunAsync(string goodbye)
    {
        var lines = new List<string>();
        while (await _client.ReadLineAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line == goodbye)
            {
                _client.Dispose();
                return lines;
            }

            lines.Add(line);
        }

        throw new InvalidOperationException("The server closed before sending the goodbye.");
    }
}
