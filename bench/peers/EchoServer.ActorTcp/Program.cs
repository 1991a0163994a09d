using System.Globalization;
using System.Runtime.InteropServices;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Framing;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Server;
using EchoServer.ActorTcp;

var options = new ActorTcpOptions();
options.Listen.Host = "0.0.0.0";
options.Listen.Port = 7000;
options.Listen.Backlog = 4096;
options.Limits.MaxConnections = 19_000;
options.Framing.Mode = FramingMode.Line;

// Active heartbeats with the library's timings (30 s interval, 10 s timeout, 3 misses) unless
// the flags say otherwise: the work ActorTcp does for every connection in production.
options.Heartbeat.Mode = HeartbeatMode.Active;
var closeAfterReply = false;
var statsPort = 0;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : "";
        switch (args[i])
        {
            case "--port":
                options.Listen.Port = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--framing":
                options.Framing.Mode = Enum.Parse<FramingMode>(value, ignoreCase: true);
                break;
            case "--heartbeat":
                options.Heartbeat.Mode = Enum.Parse<HeartbeatMode>(value, ignoreCase: true);
                break;
            case "--heartbeat-interval":
                options.Heartbeat.Interval = ParseDuration(value);
                break;
            case "--heartbeat-timeout":
                options.Heartbeat.Timeout = ParseDuration(value);
                break;
            case "--heartbeat-max-missed":
                options.Heartbeat.MaxMissed = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--max-connections":
                options.Limits.MaxConnections = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--stats-port":
                statsPort = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--close-after-reply":
                closeAfterReply = true;
                i--;
                break;
            default:
                throw new FormatException($"unknown option {args[i]}");
        }

        i++;
    }

    options.Validate();
}
catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or ActorTcpConfigurationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(
        "usage: EchoServer.ActorTcp [--port N] [--framing raw|line] [--heartbeat off|passive|active] " +
        "[--heartbeat-interval 30s] [--heartbeat-timeout 10s] [--heartbeat-max-missed 3] " +
        "[--max-connections N] [--stats-port N] [--close-after-reply]");
    return 2;
}

using var stopping = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

await using var system = ActorSystem.Create("bench");
IConnectionHandler handler = closeAfterReply ? CloseAfterReplyHandler.Instance : EchoHandler.Instance;
var server = await TcpServer.StartAsync(system, options, () => handler);
await using var stats = statsPort > 0 ? new StatsEndpoint(statsPort, server) : null;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"actortcp pid={Environment.ProcessId} port={server.Port} framing={options.Framing.Mode} heartbeat={options.Heartbeat.Mode} stats-port={stats?.Port ?? 0}"));

try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
}

// The load generator has closed its connections by now; a short drain ends whatever is left.
await server.DrainAsync(TimeSpan.FromSeconds(2));
await server.DisposeAsync();
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}

static TimeSpan ParseDuration(string text) =>
    text.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture))
    : text.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture))
    : text.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture))
    : throw new FormatException($"'{text}' is not a duration such as 500ms, 10s or 1m");
