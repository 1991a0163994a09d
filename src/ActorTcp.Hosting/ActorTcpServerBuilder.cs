using ActorTcp.Configuration;
using ActorTcp.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorTcp.Hosting;

/// <summary>
/// Chooses the connection handler and adjusts the options of the server that
/// <see cref="ActorTcpServiceCollectionExtensions.AddActorTcp"/> registers.
/// </summary>
public sealed class ActorTcpServerBuilder
{
    internal ActorTcpServerBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the server is registered in.</summary>
    public IServiceCollection Services { get; }

    internal Func<IServiceProvider, IConnectionHandler> HandlerFactory { get; private set; } = _ => EchoHandler.Instance;

    internal Action<ActorTcpOptions>? ConfigureOptions { get; private set; }

    /// <summary>
    /// Serves every connection with a <typeparamref name="THandler"/> resolved from the container, once
    /// per accepted connection; it is registered as transient unless already registered.
    /// </summary>
    /// <typeparam name="THandler">The handler type; its constructor may take any registered service.</typeparam>
    /// <returns>This builder.</returns>
    public ActorTcpServerBuilder UseHandler<THandler>()
        where THandler : class, IConnectionHandler
    {
        Services.TryAddTransient<THandler>();
        HandlerFactory = provider => provider.GetRequiredService<THandler>();
        return this;
    }

    /// <summary>Serves every connection with the handler <paramref name="factory"/> makes, called once per accepted connection.</summary>
    /// <param name="factory">Creates the handler of one connection.</param>
    /// <returns>This builder.</returns>
    public ActorTcpServerBuilder UseHandler(Func<IServiceProvider, IConnectionHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        HandlerFactory = factory;
        return this;
    }

    /// <summary>
    /// Changes the options after they are bound from configuration, for settings the service decides
    /// in code; the result is validated at start like configured values.
    /// </summary>
    /// <param name="configure">Changes the bound options.</param>
    /// <returns>This builder.</returns>
    public ActorTcpServerBuilder Configure(Action<ActorTcpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ConfigureOptions += configure;
        return this;
    }
}
