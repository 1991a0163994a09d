using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using ActorTcp.Host.Admin;

namespace ActorTcp.Host.Cli;

/// <summary><c>connections [--state S] [--limit N]</c>: a table of a running instance's live connections.</summary>
internal static class ConnectionsCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var adminUrl = CommonOptions.AdminUrl();
        var token = CommonOptions.Token();
        var state = new Option<string?>("--state") { Description = "Only connections in this state: " + LifecycleStateNames.All, HelpName = "STATE" };
        var limit = new Option<int>("--limit") { Description = "Most rows to show", DefaultValueFactory = _ => ConnectionsApi.DefaultLimit, HelpName = "N" };
        var command = new Command("connections", "List the running instance's live connections")
        {
            config, adminUrl, token, state, limit,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = AdminClient.Create(result.GetValue(config), result.GetValue(adminUrl), result.GetValue(token), Timeout, Console.Error);
            return client is null
                ? ExitCodes.ConfigurationError
                : await RunAsync(client, result.GetValue(state), result.GetValue(limit), Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Fetches one page and prints it; returns the exit code.</summary>
    public static async Task<int> RunAsync(AdminClient client, string? state, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"api/connections?limit={limit}")
            + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state));
        try
        {
            using var response = await client.GetAsync(query, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine("error: " + await AdminClient.DescribeFailureAsync(response, cancellationToken).ConfigureAwait(false));
                return ExitCodes.Failure;
            }

            var page = await response.Content.ReadFromJsonAsync<ConnectionPage>(AdminClient.Json, cancellationToken).ConfigureAwait(false);
            output.Write(ConnectionTable.Format(page!, DateTimeOffset.UtcNow));
            return ExitCodes.Success;
        }
        catch (HttpRequestException failure)
        {
            error.WriteLine($"error: {client.BaseAddress} did not answer: {failure.Message}");
            return ExitCodes.Failure;
        }
    }
}
