using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActorTcp.Hosting;

/// <summary>Registers an ActorTcp server in a generic host.</summary>
public static class ActorTcpServiceCollectionExtensions
{
    /// <summary>The name of the actor system the server's actors live in.</summary>
    public const string ActorSystemName = "actortcp";

    /// <summary>
    /// Registers the <see cref="ActorSystem"/>, the <see cref="ActorTcpOptions"/> bound from the
    /// configuration's <c>actortcp</c> section (HOCON through <c>AddHoconFile</c>, environment variables
    /// such as <c>ACTORTCP__HEARTBEAT__INTERVAL=5s</c>, the command line), the connection handler and
    /// a hosted service that starts the server with the host and drains it when the host stops.
    /// The options are validated when the host starts: a bad value fails the start with a message
    /// naming its key. The running server is available from <see cref="ActorTcpServerAccessor"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Chooses the handler (echo by default) and adjusts the options in code.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <example>
    /// <code>
    /// var builder = Host.CreateApplicationBuilder(args);
    /// builder.Configuration.AddHoconFile("actortcp.conf");
    /// builder.Services.AddActorTcp(tcp => tcp.UseHandler&lt;ChatHandler&gt;());
    /// await builder.Build().RunAsync();
    /// </code>
    /// </example>
    public static IServiceCollection AddActorTcp(this IServiceCollection services, Action<ActorTcpServerBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new ActorTcpServerBuilder(services);
        configure?.Invoke(builder);

        services.AddSingleton(provider => ActorSystem.Create(ActorSystemName, new ActorSystemSettings
        {
            LoggerFactory = LoggerFactoryOf(provider),
        }));
        services.AddOptions<ActorTcpOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration is IConfigurationRoot root)
                {
                    ActorTcpOptionsBinder.Bind(root, options);
                }
                else
                {
                    ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);
                }
            })
            .PostConfigure(options => builder.ConfigureOptions?.Invoke(options))
            .Validate<IConfiguration>((options, configuration) =>
            {
                // Validate throws with the full key in its message (and, when the configuration knows, the
                // file and line), which is what a failed start should show.
                try
                {
                    options.Validate();
                }
                catch (ActorTcpConfigurationException error) when (configuration is IConfigurationRoot root)
                {
                    throw ActorTcpOptionsBinder.Locate(root, error);
                }

                return true;
            })
            .ValidateOnStart();
        var handlerFactory = builder.HandlerFactory;
        services.AddSingleton<ActorTcpServerAccessor>();
        services.AddHostedService(provider => new ActorTcpHostedService(
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<IOptions<ActorTcpOptions>>(),
            provider.GetRequiredService<IOptions<HostOptions>>(),
            () => handlerFactory(provider),
            provider.GetRequiredService<ActorTcpServerAccessor>(),
            LoggerFactoryOf(provider)));
        return services;
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
