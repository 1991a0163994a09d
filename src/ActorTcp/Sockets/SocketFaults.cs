using System.Net.Sockets;

namespace ActorTcp.Sockets;

/// <summary>Sorts socket errors into what they mean for the connection's lifecycle.</summary>
public static class SocketFaults
{
    /// <summary>Classifies <paramref name="error"/>.</summary>
    /// <param name="error">The error of a failed read or write.</param>
    /// <returns>
    /// <see cref="SocketFault.PeerReset"/> for a peer that went away (ECONNRESET, EPIPE, aborted), which is
    /// routine and logged without a stack trace; <see cref="SocketFault.Failed"/> otherwise.
    /// </returns>
    public static SocketFault Classify(SocketError error) => error switch
    {
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => SocketFault.PeerReset,
        _ => SocketFault.Failed,
    };
}
