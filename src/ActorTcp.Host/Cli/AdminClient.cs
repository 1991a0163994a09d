using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ActorTcp.Host.Configuration;

namespace ActorTcp.Host.Cli;

/// <summary>
/// The client side of the admin API for <c>healthcheck</c>, <c>connections</c> and <c>drain</c>. Without
/// <c>--admin-url</c> it finds the API where the configuration puts it (an any-address bind is reached
/// on loopback), and without <c>--token</c> it presents <c>admin.token</c> from the configuration.
/// </summary>
internal sealed class AdminClient : IDisposable
{
    /// <summary>The admin API's JSON: camelCase, as ASP.NET Core writes it.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    private AdminClient(Uri baseAddress, string? token, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The API's address.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>
    /// Creates the client, reading the configuration only for what the command line leaves out; null with
    /// the configuration's errors written to <paramref name="error"/> when it is needed and invalid.
    /// </summary>
    public static AdminClient? Create(string? configFile, Uri? adminUrl, string? token, TimeSpan timeout, TextWriter error)
    {
        if (adminUrl is not null && token is not null)
        {
            return new AdminClient(adminUrl, token, timeout);
        }

        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(configFile));
        if (resolved.Errors.Count > 0)
        {
            CheckConfigCommand.WriteErrors(resolved, error);
            return null;
        }

        var admin = resolved.Options.Admin;
        return new AdminClient(adminUrl ?? UrlOf(admin.Host, admin.Port), token ?? admin.Token, timeout);
    }

    /// <summary>The URL that reaches an admin API bound to <paramref name="host"/>: any-address binds are reached on loopback.</summary>
    public static Uri UrlOf(string host, int port)
    {
        var reachable = host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "::" => "[::1]",
            _ when host.Contains(':', StringComparison.Ordinal) => "[" + host + "]",
            _ => host,
        };
        return new Uri($"http://{reachable}:{port}/");
    }

    /// <summary>GET <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken) =>
        _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);

    /// <summary>POST <paramref name="path"/> with an empty JSON body.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, CancellationToken cancellationToken) =>
        _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { }, cancellationToken);

    /// <summary>The error a refused call carries, or its status.</summary>
    public static async Task<string> DescribeFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBody>(Json, cancellationToken).ConfigureAwait(false);
            if (body?.Error is { } message)
            {
                return $"{(int)response.StatusCode} {response.ReasonPhrase}: {message}";
            }
        }
        catch (JsonException)
        {
            // Not the API's error shape (a proxy's page, say): the status says enough.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    public void Dispose() => _http.Dispose();

    private sealed record ErrorBody(string? Error);
}
