using ActorTcp.Hocon.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorTcp.Hosting.Tests;

/// <summary>The worker service of docs/embedding.md, kept here so that the documented code compiles and runs.</summary>
public static class WorkerSample
{
    /// <summary>Builds the worker's host; <c>Main</c> would call <c>RunAsync</c> on it.</summary>
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddHoconFile("actortcp.conf", optional: true);
        builder.Services.AddActorTcp(tcp => tcp.UseHandler<ShoutingEchoHandler>());
        builder.Services.AddHostedService<ConnectionCountReporter>();
        return builder.Build();
    }
}
