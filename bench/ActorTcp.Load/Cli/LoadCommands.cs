using System.CommandLine;
using System.Net;
using ActorTcp.Load.Net;
using ActorTcp.Load.Scenarios;

namespace ActorTcp.Load.Cli;

/// <summary>The command line: one command per scenario, with <c>--json</c> and <c>--label</c> on all of them.</summary>
internal static class LoadCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the result as one JSON object instead of a table", Recursive = true };
    private static readonly Option<string?> Label = new("--label") { Description = "A name for the run, carried into the output", Recursive = true };

    public static RootCommand Create()
    {
        var root = new RootCommand("Load generator for side-by-side runs of ActorTcp and its peers.") { Json, Label };
        root.Add(Idle());
        root.Add(Echo());
        root.Add(Churn());
        root.Add(DeadPeer());
        root.Add(DeadPeerClientsCommand());
        return root;
    }

    private static Command Idle()
    {
        var target = TargetOption();
        var connections = new Option<int>("--connections") { Description = "Connections to open and hold", DefaultValueFactory = _ => 10_000 };
        var hold = DurationOption("--hold", "How long to hold them before the final reading", "30s");
        var answerPings = new Option<bool>("--answer-pings") { Description = "Answer the server's PING with PONG" };
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's PID: RSS and CPU time from /proc/PID" };
        var stats = new Option<string?>("--stats") { Description = "The ActorTcp bench server's stats endpoint (host:port): managed heap" };
        var steps = new Option<int>("--steps") { Description = "Readings on the way up", DefaultValueFactory = _ => 4 };
        var settle = DurationOption("--settle", "Pause before each reading", "3s");
        var command = new Command("idle", "Hold N idle connections and read what they cost the server") { target, connections, hold, answerPings, serverPid, stats, steps, settle };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new IdleSettings(
                Connector.ParseEndPoint(parse.GetValue(target)!),
                parse.GetValue(connections),
                Duration.Parse(parse.GetValue(hold)!),
                parse.GetValue(answerPings),
                parse.GetValue(serverPid),
                parse.GetValue(stats) is { } s ? Connector.ParseEndPoint(s) : null,
                Math.Max(1, parse.GetValue(steps)),
                Duration.Parse(parse.GetValue(settle)!));
            return await RunAsync(parse, progress => new IdleScenario(settings).RunAsync(progress, cancellationToken));
        });
        return command;
    }

    private static Command Echo()
    {
        var target = TargetOption();
        var connections = new Option<int>("--connections") { Description = "Connections", DefaultValueFactory = _ => 100 };
        var duration = DurationOption("--duration", "Measured window", "10s");
        var warmup = DurationOption("--warmup", "Unmeasured load before the window", "2s");
        var size = new Option<int>("--size") { Description = "Bytes per message, line end included", DefaultValueFactory = _ => 64 };
        var pipeline = new Option<int>("--pipeline") { Description = "Messages in flight per connection", DefaultValueFactory = _ => 16 };
        var command = new Command("echo", "Pipelined echo: throughput and latency percentiles") { target, connections, duration, warmup, size, pipeline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new EchoSettings(
                Connector.ParseEndPoint(parse.GetValue(target)!),
                parse.GetValue(connections),
                Duration.Parse(parse.GetValue(duration)!),
                Duration.Parse(parse.GetValue(warmup)!),
                Math.Max(2, parse.GetValue(size)),
                Math.Max(1, parse.GetValue(pipeline)));
            return await RunAsync(parse, progress => new EchoScenario(settings).RunAsync(progress, cancellationToken));
        });
        return command;
    }

    private static Command Churn()
    {
        var target = TargetOption();
        var workers = new Option<int>("--workers") { Description = "Connections in progress at once", DefaultValueFactory = _ => 16 };
        var duration = DurationOption("--duration", "How long to churn", "10s");
        var size = new Option<int>("--size") { Description = "Bytes of the request, line end included", DefaultValueFactory = _ => 64 };
        var serverCloses = new Option<bool>("--server-closes") { Description = "The server closes after its reply; close on the goodbye line or the server's FIN" };
        var settle = DurationOption("--settle", "Pause before reading the socket table", "2s");
        var command = new Command("churn", "Connect, one request, close: connections/s and TIME_WAIT on each side") { target, workers, duration, size, serverCloses, settle };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ChurnSettings(
                Connector.ParseEndPoint(parse.GetValue(target)!),
                Math.Max(1, parse.GetValue(workers)),
                Duration.Parse(parse.GetValue(duration)!),
                Math.Max(2, parse.GetValue(size)),
                parse.GetValue(serverCloses),
                Duration.Parse(parse.GetValue(settle)!));
            return await RunAsync(parse, progress => new ChurnScenario(settings).RunAsync(progress, cancellationToken));
        });
        return command;
    }

    private static Command DeadPeer()
    {
        var serverPort = new Option<int>("--server-port") { Description = "The server's port (it must listen on 0.0.0.0)", DefaultValueFactory = _ => 7000 };
        var connections = new Option<int>("--connections") { Description = "Peers that go dead", DefaultValueFactory = _ => 1000 };
        var budget = DurationOption("--budget", "The server's detection budget: heartbeat interval + timeout × max-missed", "4s");
        var tick = DurationOption("--tick", "The server's timer tick", "10ms");
        var observe = new Option<string?>("--observe") { Description = "How long to watch (default: twice the budget, plus 2s)" };
        var command = new Command("deadpeer", "Peers in a network namespace whose link is cut: time until the server releases each (root)") { serverPort, connections, budget, tick, observe };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var budgetValue = Duration.Parse(parse.GetValue(budget)!);
            var settings = new DeadPeerSettings(
                parse.GetValue(serverPort),
                parse.GetValue(connections),
                budgetValue,
                Duration.Parse(parse.GetValue(tick)!),
                parse.GetValue(observe) is { } o ? Duration.Parse(o) : (budgetValue * 2) + TimeSpan.FromSeconds(2));
            return await RunAsync(parse, progress => new DeadPeerScenario(settings).RunAsync(progress, cancellationToken));
        });
        return command;
    }

    private static Command DeadPeerClientsCommand()
    {
        var target = TargetOption();
        var connections = new Option<int>("--connections") { DefaultValueFactory = _ => 1000 };
        var command = new Command("deadpeer-clients", "The peers of deadpeer, started by it inside the namespace") { target, connections };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
            DeadPeerClients.RunAsync(Connector.ParseEndPoint(parse.GetValue(target)!), parse.GetValue(connections), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync<T>(ParseResult parse, Func<LoadProgress, Task<T>> scenario)
        where T : IScenarioResult
    {
        var json = parse.GetValue(Json);
        var result = await LoadProgress.RunAsync(json, scenario);
        ResultWriter.Write(result, json, parse.GetValue(Label));
        return 0;
    }

    private static Option<string> TargetOption() =>
        new("--target") { Description = "The server (address:port)", DefaultValueFactory = _ => new IPEndPoint(IPAddress.Loopback, 7000).ToString() };

    private static Option<string> DurationOption(string name, string description, string defaultValue) =>
        new(name) { Description = $"{description} (500ms, 30s, 2m)", DefaultValueFactory = _ => defaultValue };
}
