using System.CommandLine;
using System.Net.Http.Json;
using ActorTcp.Draining;

namespace ActorTcp.Host.Cli;

/// <summary>
/// <c>drain</c>: asks a running instance to drain (stop accepting, close every connection the
/// TIME_WAIT-aware way) and prints how the connections closed. The instance stays up, not ready, until
/// it is stopped.
/// </summary>
internal static class DrainCommand
{
    // A drain lasts up to drain.timeout, which the client cannot know: wait long, Ctrl+C gives up.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var adminUrl = CommonOptions.AdminUrl();
        var token = CommonOptions.Token();
        var command = new Command("drain", "Drain the running instance's connections and print how they closed")
        {
            config, adminUrl, token,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = AdminClient.Create(result.GetValue(config), result.GetValue(adminUrl), result.GetValue(token), Timeout, Console.Error);
            return client is null
                ? ExitCodes.ConfigurationError
                : await RunAsync(client, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Drains and prints the report; returns the exit code.</summary>
    public static async Task<int> RunAsync(AdminClient client, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsync("api/drain", cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine("error: " + await AdminClient.DescribeFailureAsync(response, cancellationToken).ConfigureAwait(false));
                return ExitCodes.Failure;
            }

            var report = await response.Content.ReadFromJsonAsync<DrainReport>(AdminClient.Json, cancellationToken).ConfigureAwait(false);
            output.WriteLine(
                $"drained {report!.Connections} connections in {report.Elapsed.TotalSeconds:0.###}s: "
                + $"{report.PeerClosedFirst} closed by the peer first, {report.LocalClosedFirst} by us first (TIME_WAIT here), "
                + $"{report.Reset} reset ({report.AbortedAtDeadline} at the deadline)");
            return ExitCodes.Success;
        }
        catch (HttpRequestException failure)
        {
            error.WriteLine($"error: {client.BaseAddress} did not answer: {failure.Message}");
            return ExitCodes.Failure;
        }
    }
}
