using System.Net;
using System.Net.Sockets;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Outbound;

/// <summary>Everything an <see cref="OutboundConnection"/> is built with besides its target.</summary>
/// <param name="Settings">The connection settings its connection actors share (options validated).</param>
/// <param name="Handler">The handler of every connection it makes, one after another.</param>
/// <param name="Status">Where it publishes its state and its end to the handle.</param>
/// <param name="Random">Its own jitter source.</param>
/// <param name="NextConnectionId">Hands out connection ids, unique within the manager.</param>
/// <param name="Connect">Connects one socket to one address.</param>
/// <param name="Log">Where it logs.</param>
internal sealed record OutboundSetup(
    ConnectionSettings Settings,
    IConnectionHandler Handler,
    OutboundStatus Status,
    Random Random,
    Func<long> NextConnectionId,
    Func<Socket, EndPoint, CancellationToken, ValueTask> Connect,
    ILogger Log);
