using ActorTcp.Handlers;

namespace ActorTcp.Host.Configuration;

/// <summary>The connection handlers the console host can serve, by their <c>handler.name</c>.</summary>
internal static class HandlerCatalog
{
    private static readonly Dictionary<string, Func<IServiceProvider, IConnectionHandler>> _handlers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["echo"] = _ => EchoHandler.Instance,
    };

    /// <summary>The names <c>handler.name</c> may take.</summary>
    public static IEnumerable<string> Names => _handlers.Keys;

    /// <summary>Finds the factory of the handler named <paramref name="name"/>.</summary>
    public static bool TryGet(string name, out Func<IServiceProvider, IConnectionHandler> factory) =>
        _handlers.TryGetValue(name, out factory!);
}
