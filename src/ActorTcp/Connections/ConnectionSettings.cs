using System.Text;
using ActorTcp.Configuration;
using ActorTcp.Framing;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.Metrics;
using ActorTcp.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Connections;

/// <summary>
/// Everything the connection actors of one listener share: the options, the lifecycle decider, the
/// heartbeat policy, the framing codec, the metrics and the logger. Built once per listener, so a
/// connection carries only references to it and its own state.
/// </summary>
/// <example>
/// <code>
/// var settings = ConnectionSettings.Create(options, metrics, loggerFactory);
/// var connection = Context.ActorOf(ConnectionActor.Props(socket, info, settings, new EchoHandler()));
/// </code>
/// </example>
public sealed class ConnectionSettings
{
    private readonly byte[] _goodbye;

    private ConnectionSettings(
        ActorTcpOptions options, ActorTcpMetrics metrics, ILoggerFactory loggerFactory, bool dialled, bool socketOptionsInherited = false)
    {
        Options = options;
        SocketOptionsInherited = socketOptionsInherited;
        Metrics = metrics;
        Lifecycle = dialled
            ? new ConnectionLifecycle(options.Teardown, preferPeerClose: false)
            : new ConnectionLifecycle(options.Teardown);
        Heartbeat = new HeartbeatPolicy(options.Heartbeat);
        Codec = FramerFactory.Create(options.Framing);
        Logger = loggerFactory.CreateLogger<ConnectionActor>();
        _goodbye = Encoding.UTF8.GetBytes(options.Teardown.Goodbye);
    }

    /// <summary>The validated options of the listener.</summary>
    public ActorTcpOptions Options { get; }

    /// <summary>The lifecycle decider, built from <c>teardown</c>.</summary>
    public ConnectionLifecycle Lifecycle { get; }

    /// <summary>The heartbeat policy, built from <c>heartbeat</c>.</summary>
    public HeartbeatPolicy Heartbeat { get; }

    /// <summary>The framing mode's codec, built from <c>framing</c>; stateless and shared.</summary>
    public IFrameCodec Codec { get; }

    /// <summary>The <c>ActorTcp</c> meter's instruments.</summary>
    public ActorTcpMetrics Metrics { get; }

    /// <summary>The logger every connection of the listener writes to.</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// Whether the sockets come from a listener that carries the <c>tcp</c> options already (see
    /// <see cref="TcpSocketOptions.ApplyToListener"/>), so a connection sets none of its own.
    /// </summary>
    internal bool SocketOptionsInherited { get; }

    /// <summary>The goodbye frame's payload (<c>teardown.goodbye</c>); empty when none is sent.</summary>
    public ReadOnlyMemory<byte> Goodbye => _goodbye;

    /// <summary>Builds the settings of one listener.</summary>
    /// <param name="options">The options; validated here, so a bad value fails the listener's start, not a connection.</param>
    /// <param name="metrics">The server's instruments.</param>
    /// <param name="loggerFactory">Where connections log.</param>
    /// <returns>The shared settings.</returns>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range.</exception>
    public static ConnectionSettings Create(ActorTcpOptions options, ActorTcpMetrics metrics, ILoggerFactory loggerFactory)
    {
        Validate(options, metrics, loggerFactory);
        return new ConnectionSettings(options, metrics, loggerFactory, dialled: false);
    }

    /// <summary>
    /// Builds the settings of a <see cref="Server.TcpServer"/>'s connections: their sockets come from
    /// its listening socket, which carries the <c>tcp</c> options where accepted sockets inherit them.
    /// </summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="metrics">The server's instruments.</param>
    /// <param name="loggerFactory">Where connections log.</param>
    /// <returns>The shared settings.</returns>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range.</exception>
    internal static ConnectionSettings CreateForListener(ActorTcpOptions options, ActorTcpMetrics metrics, ILoggerFactory loggerFactory)
    {
        Validate(options, metrics, loggerFactory);
        return new ConnectionSettings(
            options, metrics, loggerFactory, dialled: false, socketOptionsInherited: TcpSocketOptions.InheritedByAcceptedSockets);
    }

    /// <summary>
    /// Builds the settings of one outbound target. A client that closes by choice is the active
    /// closer: it sends the first FIN and keeps the TIME_WAIT, whatever <c>teardown.prefer-peer-close</c>
    /// says (that key is the server's policy of letting its clients close first).
    /// </summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="metrics">The client manager's instruments.</param>
    /// <param name="loggerFactory">Where connections log.</param>
    /// <returns>The shared settings.</returns>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range.</exception>
    internal static ConnectionSettings CreateForDialled(ActorTcpOptions options, ActorTcpMetrics metrics, ILoggerFactory loggerFactory)
    {
        Validate(options, metrics, loggerFactory);
        return new ConnectionSettings(options, metrics, loggerFactory, dialled: true);
    }

    /// <summary>The checks every factory makes before it builds: arguments present, options in range.</summary>
    private static void Validate(ActorTcpOptions options, ActorTcpMetrics metrics, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
    }
}
