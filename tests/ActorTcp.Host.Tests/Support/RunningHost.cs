using System.Net;
using System.Net.Sockets;
using ActorTcp.TestKit;

namespace ActorTcp.Host.Tests.Support;

/// <summary>
/// A host serving on free ports, started with an optional HOCON file merged over its defaults, and ready
/// once its admin API answers <c>/healthz</c>.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string? _configFile;

    private RunningHost(HostProcess process, int port, int adminPort, string? configFile)
    {
        Process = process;
        Port = port;
        AdminPort = adminPort;
        _configFile = configFile;
        Admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HostProcess Process { get; }

    public int Port { get; }

    public int AdminPort { get; }

    public HttpClient Admin { get; }

    /// <summary>Starts <c>serve</c> with <paramref name="hocon"/> (if any) as its <c>--config</c> file and waits until it answers.</summary>
    public static async Task<RunningHost> StartAsync(string? hocon = null)
    {
        string? configFile = null;
        var args = new List<string> { "serve" };
        if (hocon is not null)
        {
            configFile = Path.Combine(Path.GetTempPath(), $"actortcp-host-test-{Guid.NewGuid():N}.conf");
            await File.WriteAllTextAsync(configFile, hocon);
            args.AddRange(["--config", configFile]);
        }

        var port = FreePort.Next();
        var adminPort = FreePort.Next();
        args.AddRange(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--admin-port", adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var host = new RunningHost(HostProcess.Start(args), port, adminPort, configFile);
        await Eventually.TrueAsync(host.AnswersAsync, "the host answers /healthz", StartTimeout);
        return host;
    }

    /// <summary>Connects a client to the host's TCP port.</summary>
    public async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (!Process.HasExited)
        {
            Process.Terminate();
            await Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        Process.Dispose();
        if (_configFile is not null)
        {
            File.Delete(_configFile);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        if (Process.HasExited)
        {
            Assert.Fail($"the host exited at start.\nstdout:\n{Process.Output}\nstderr:\n{Process.Error}");
        }

        try
        {
            using var response = await Admin.GetAsync(new Uri("healthz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
