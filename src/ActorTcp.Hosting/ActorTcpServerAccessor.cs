using ActorTcp.Server;

namespace ActorTcp.Hosting;

/// <summary>
/// Gives the rest of the service the running <see cref="TcpServer"/>: sending to a connection by id,
/// closing, broadcasting and snapshots. Registered as a singleton by
/// <see cref="ActorTcpServiceCollectionExtensions.AddActorTcp"/>; the server exists once the host has started.
/// </summary>
/// <example>
/// <code>
/// public sealed class Notifier(ActorTcpServerAccessor tcp)
/// {
///     public Task NotifyAsync(long connectionId, byte[] line) => tcp.Server.SendAsync(connectionId, line);
/// }
/// </code>
/// </example>
public sealed class ActorTcpServerAccessor
{
    private volatile TcpServer? _server;

    /// <summary>Whether the server is running (the host has started and not yet stopped it).</summary>
    public bool IsStarted => _server is not null;

    /// <summary>The running server.</summary>
    /// <exception cref="InvalidOperationException">The host has not started the server yet, or has stopped it.</exception>
    public TcpServer Server => _server ?? throw new InvalidOperationException(
        "The ActorTcp server is not running: it starts with the host and is gone once the host has stopped.");

    internal void Set(TcpServer? server) => _server = server;
}
