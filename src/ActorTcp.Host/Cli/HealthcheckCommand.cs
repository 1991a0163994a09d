using System.CommandLine;
using System.Net.Http.Json;
using ActorTcp.Host.Admin;

namespace ActorTcp.Host.Cli;

/// <summary>
/// <c>healthcheck</c>: exits 0 when a running instance's admin API answers <c>/healthz</c> healthy, 1
/// otherwise; a container's HEALTHCHECK runs it, so the image needs no curl.
/// </summary>
internal static class HealthcheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var adminUrl = CommonOptions.AdminUrl();
        var command = new Command("healthcheck", "Exit 0 if the running instance's admin API answers healthy, 1 otherwise")
        {
            config,
            adminUrl,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(config), result.GetValue(adminUrl), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Asks <c>/healthz</c> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string? configFile, Uri? adminUrl, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var client = AdminClient.Create(configFile, adminUrl, token: string.Empty, Timeout, error);
        if (client is null)
        {
            return ExitCodes.ConfigurationError;
        }

        try
        {
            using var response = await client.GetAsync("healthz", cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine($"unhealthy: {client.BaseAddress}healthz answered {await AdminClient.DescribeFailureAsync(response, cancellationToken).ConfigureAwait(false)}");
                return ExitCodes.Failure;
            }

            var health = await response.Content.ReadFromJsonAsync<HealthStatus>(AdminClient.Json, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"{health?.Status} ({health?.Phase})");
            return health?.Status == "healthy" ? ExitCodes.Success : ExitCodes.Failure;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            error.WriteLine($"unhealthy: {client.BaseAddress}healthz did not answer: {failure.Message}");
            return ExitCodes.Failure;
        }
    }
}
