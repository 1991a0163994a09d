namespace ActorTcp.Load.Measurement;

/// <summary>The kernel's TCP states as <c>/proc/net/tcp</c> numbers them (column <c>st</c>).</summary>
internal enum TcpState
{
    Established = 1,
    SynSent = 2,
    SynReceived = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
}
