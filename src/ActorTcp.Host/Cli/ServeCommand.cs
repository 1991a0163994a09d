using System.CommandLine;
using System.Net.Sockets;
using ActorTcp.Host.Configuration;
using ActorTcp.Host.Logging;
using Microsoft.Extensions.Hosting;

namespace ActorTcp.Host.Cli;

/// <summary>
/// <c>serve [--config FILE] [--port N] [--admin-port N]</c>: serves TCP and the admin API until a signal,
/// then drains and exits 0. It is also what the host does when given no command.
/// </summary>
internal sealed class ServeCommand
{
    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<int?> _port = new("--port", "-p") { Description = "The TCP port (overrides actortcp.listen.port)", HelpName = "PORT" };
    private readonly Option<int?> _adminPort = new("--admin-port") { Description = "The admin API port (overrides actortcp.admin.port)", HelpName = "PORT" };

    /// <summary>Adds the options and the action to <paramref name="command"/> (the <c>serve</c> command or the root).</summary>
    public ServeCommand(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_config);
        command.Options.Add(_port);
        command.Options.Add(_adminPort);
        command.SetAction((result, _) => RunAsync(Sources(result), Console.Error));
    }

    /// <summary>Creates the <c>serve</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("serve", "Serve TCP connections and the admin API until SIGTERM or Ctrl+C, then drain (the default command)");
        _ = new ServeCommand(command);
        return command;
    }

    /// <summary>What the parsed command line adds to the defaults.</summary>
    public HostConfigurationSources Sources(ParseResult result) =>
        new(result.GetValue(_config), result.GetValue(_port), result.GetValue(_adminPort));

    /// <summary>Serves until stopped; 2 for a configuration error, 1 when a port cannot be bound.</summary>
    public static async Task<int> RunAsync(HostConfigurationSources sources, TextWriter error)
    {
        var resolved = ResolvedConfiguration.Load(sources);
        if (!resolved.CanServe)
        {
            CheckConfigCommand.WriteErrors(resolved, error);
            return ExitCodes.ConfigurationError;
        }

        await using var logger = HostLogger.Create(resolved.Options.Logging);
        var app = ServeHost.Build(resolved, logger);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (SocketException failure)
            {
                var listen = resolved.Options.Listen;
                logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, typeof(ServeCommand).FullName)
                    .Fatal("Cannot listen for TCP on {Host}:{Port}: {Error}", listen.Host, listen.Port, failure.Message);
                return ExitCodes.Failure;
            }
            catch (IOException failure)
            {
                // Kestrel names the admin address in its message.
                logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, typeof(ServeCommand).FullName)
                    .Fatal("Cannot start the admin API: {Error}", failure.Message);
                return ExitCodes.Failure;
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
