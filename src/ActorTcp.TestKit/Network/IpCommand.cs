using System.Diagnostics;

namespace ActorTcp.TestKit.Network;

/// <summary>Runs iproute2's <c>ip</c> with arguments passed as a list, never through a shell.</summary>
internal static class IpCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <c>ip</c> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">It exited with a non-zero code; the message has its error output.</exception>
    public static string Run(params string[] arguments)
    {
        var (exitCode, output, error) = Execute(arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'ip {string.Join(' ', arguments)}' exited with {exitCode}: {error.Trim()}");
    }

    /// <summary>Runs <c>ip</c> and returns null on success, or the failure's description.</summary>
    public static string? TryRun(params string[] arguments)
    {
        var (exitCode, _, error) = Execute(arguments);
        return exitCode == 0 ? null : $"'ip {string.Join(' ', arguments)}' exited with {exitCode}: {error.Trim()}";
    }

    private static (int ExitCode, string Output, string Error) Execute(string[] arguments)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'ip'.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new InvalidOperationException($"'ip {string.Join(' ', arguments)}' did not finish within {Timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
