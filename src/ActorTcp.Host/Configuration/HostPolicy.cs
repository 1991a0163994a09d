using System.Net;
using ActorTcp.Configuration;
using ActorTcp.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Host.Configuration;

/// <summary>
/// What the console host requires beyond valid options: a handler it knows, and a token on an admin
/// API that listens anywhere but loopback (its mutating calls could otherwise be made by anyone who
/// reaches the port).
/// </summary>
internal static class HostPolicy
{
    /// <summary>The violations, each naming where the value was written and its key.</summary>
    public static IReadOnlyList<ActorTcpConfigurationException> Check(IConfigurationRoot configuration, ActorTcpOptions options)
    {
        var errors = new List<ActorTcpConfigurationException>();
        if (!HandlerCatalog.TryGet(options.Handler.Name, out _))
        {
            errors.Add(Error(configuration, "actortcp.handler.name",
                $"\"{options.Handler.Name}\" is not a handler this host knows; expected one of {string.Join(", ", HandlerCatalog.Names)}."));
        }

        if (!IsLoopback(options.Admin.Host) && string.IsNullOrEmpty(options.Admin.Token))
        {
            // The token is missing, so it has no location: the admin host's line is where the decision was made.
            errors.Add(new ActorTcpConfigurationException(
                "actortcp.admin.token",
                $"must be set because actortcp.admin.host is {options.Admin.Host}, which is not loopback; set a token "
                + "(in the container: ACTORTCP_ADMIN_TOKEN) or bind actortcp.admin.host to 127.0.0.1.",
                ConfigurationKeyOrigin.Find(configuration, "actortcp.admin.host")));
        }

        return errors;
    }

    /// <summary>Whether <paramref name="host"/> is a loopback address such as 127.0.0.1 or ::1.</summary>
    public static bool IsLoopback(string host) => IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);

    private static ActorTcpConfigurationException Error(IConfigurationRoot configuration, string key, string problem) =>
        new(key, problem, ConfigurationKeyOrigin.Find(configuration, key));
}
