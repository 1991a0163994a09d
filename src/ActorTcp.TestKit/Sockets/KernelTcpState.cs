namespace ActorTcp.TestKit.Sockets;

/// <summary>
/// A TCP socket state as the Linux kernel reports it in <c>/proc/net/tcp</c> (the <c>st</c> column).
/// The numeric values are the kernel's own codes.
/// </summary>
public enum KernelTcpState
{
    /// <summary>Both directions open.</summary>
    Established = 0x01,
    /// <summary>SYN sent, waiting for SYN-ACK (an outbound connect in progress).</summary>
    SynSent = 0x02,
    /// <summary>SYN received, waiting for the final ACK of the handshake.</summary>
    SynReceived = 0x03,
    /// <summary>This side sent FIN and waits for its acknowledgement.</summary>
    FinWait1 = 0x04,
    /// <summary>This side's FIN was acknowledged; waiting for the peer's FIN.</summary>
    FinWait2 = 0x05,
    /// <summary>Both FINs exchanged and this side closed first: held for 2MSL.</summary>
    TimeWait = 0x06,
    /// <summary>Fully closed.</summary>
    Close = 0x07,
    /// <summary>The peer sent FIN; this side has not closed yet. A leak when it lasts.</summary>
    CloseWait = 0x08,
    /// <summary>This side closed after the peer's FIN and waits for the last ACK.</summary>
    LastAck = 0x09,
    /// <summary>A listening socket.</summary>
    Listen = 0x0A,
    /// <summary>Both sides sent FIN at the same time.</summary>
    Closing = 0x0B,
}
