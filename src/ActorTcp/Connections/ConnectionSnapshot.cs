using System.Net;
using ActorTcp.Lifecycle;

namespace ActorTcp.Connections;

/// <summary>An immutable copy of one connection's figures at one moment.</summary>
/// <param name="Id">The connection's id, unique within its server.</param>
/// <param name="RemoteEndPoint">The peer's address and port.</param>
/// <param name="LocalEndPoint">The local address and port.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="OpenedAt">When the connection was accepted.</param>
/// <param name="LastActivity">When bytes last went in or out.</param>
/// <param name="BytesIn">Bytes received.</param>
/// <param name="BytesOut">Bytes sent.</param>
/// <param name="FramesIn">Frames received.</param>
/// <param name="FramesOut">Frames queued for sending.</param>
/// <param name="WriteQueueBytes">Bytes waiting in the write queue.</param>
public sealed record ConnectionSnapshot(
    long Id,
    IPEndPoint RemoteEndPoint,
    IPEndPoint LocalEndPoint,
    LifecycleState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastActivity,
    long BytesIn,
    long BytesOut,
    long FramesIn,
    long FramesOut,
    long WriteQueueBytes);
