using System.CommandLine;
using ActorTcp.Host.Configuration;

namespace ActorTcp.Host.Cli;

/// <summary>
/// <c>check-config [--config FILE]</c>: prints the configuration <c>serve</c> would run with, each value
/// with where it was written, or every error as <c>file:line:column: key: problem</c> and exit code 2.
/// </summary>
internal static class CheckConfigCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check-config", "Print the resolved configuration, or its errors with file, line and key (exit code 2)")
        {
            config,
        };
        command.SetAction(result => Run(new HostConfigurationSources(result.GetValue(config)), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Checks, prints and returns the exit code.</summary>
    public static int Run(HostConfigurationSources sources, TextWriter output, TextWriter error)
    {
        var resolved = ResolvedConfiguration.Load(sources);
        if (!resolved.CanServe)
        {
            WriteErrors(resolved, error);
            return ExitCodes.ConfigurationError;
        }

        output.Write(ResolvedConfigurationWriter.Write(resolved.Options, resolved.Configuration!));
        return ExitCodes.Success;
    }

    /// <summary>Writes one <c>error:</c> line per problem.</summary>
    public static void WriteErrors(ResolvedConfiguration resolved, TextWriter error)
    {
        foreach (var message in resolved.AllErrors)
        {
            error.WriteLine("error: " + message);
        }
    }
}
