using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Outbound;

/// <summary>
/// What an outbound connection tells a handler that wants to know about dialling and reconnecting.
/// Optional: a handler given to <see cref="TcpClientManager.ConnectTo(string, Configuration.ActorTcpOptions, IConnectionHandler)"/>
/// that also implements this interface is told; every method has an empty default, so implement only
/// what you need.
/// </summary>
/// <remarks>
/// <para>
/// Connected is <see cref="IConnectionHandler.OnConnected"/>, called on every connect and reconnect.
/// A lost connection is then <see cref="IConnectionHandler.OnClosed"/> followed by
/// <see cref="OnDisconnected"/>; a redial is announced with <see cref="OnReconnecting"/>. So a
/// server restart reads: OnClosed, OnDisconnected, OnReconnecting (one or more, with
/// <see cref="OnConnectFailed"/> between them while the port is closed), OnConnected.
/// </para>
/// <para>
/// These methods run on the outbound connection's turn, only while no connection is open, so they
/// never overlap the handler's other calls; like them, they must not block. An exception thrown here
/// is logged and otherwise ignored.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class UpstreamHandler : IConnectionHandler, IOutboundConnectionObserver
/// {
///     public void OnDisconnected(ConnectionClosed closed) =&gt; Console.WriteLine($"lost: {closed.Reason}");
///     public void OnReconnecting(OutboundReconnecting next) =&gt; Console.WriteLine($"redial {next.Attempt} in {next.Delay}");
///     // ... the IConnectionHandler methods
/// }
/// </code>
/// </example>
public interface IOutboundConnectionObserver
{
    /// <summary>A dial did not connect (refused, timed out, name not resolved).</summary>
    /// <param name="failure">Which attempt and why.</param>
    void OnConnectFailed(OutboundConnectFailure failure)
    {
    }

    /// <summary>
    /// An established connection ended; its socket is released. <see cref="CloseReason.HeartbeatTimeout"/>
    /// means the peer stopped answering pings (a dead peer or a silent network), reset by us.
    /// </summary>
    /// <param name="closed">Why it closed and which side closed first.</param>
    void OnDisconnected(ConnectionClosed closed)
    {
    }

    /// <summary>A redial is scheduled after <see cref="OutboundReconnecting.Delay"/>.</summary>
    /// <param name="reconnecting">The redial's number and delay.</param>
    void OnReconnecting(OutboundReconnecting reconnecting)
    {
    }

    /// <summary>The outbound connection stopped for good; called once, last.</summary>
    /// <param name="stopped">Why, and how many buffered frames were never sent.</param>
    void OnStopped(OutboundStopped stopped)
    {
    }
}
