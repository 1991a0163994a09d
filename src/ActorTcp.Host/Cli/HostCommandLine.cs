using System.CommandLine;

namespace ActorTcp.Host.Cli;

/// <summary>
/// The host's command line: <c>serve</c> (also the default), <c>check-config</c>, <c>healthcheck</c>,
/// <c>connections</c> and <c>drain</c>.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("ActorTcp: a TCP connection manager built on actors, with an admin HTTP API");
        _ = new ServeCommand(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());
        root.Subcommands.Add(HealthcheckCommand.Create());
        root.Subcommands.Add(ConnectionsCommand.Create());
        root.Subcommands.Add(DrainCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    public static Task<int> RunAsync(string[] args) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration
        {
            // serve handles SIGINT and SIGTERM itself (drain first, a second signal aborts).
            ProcessTerminationTimeout = null,
        });
}
