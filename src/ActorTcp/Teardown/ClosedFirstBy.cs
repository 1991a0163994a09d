namespace ActorTcp.Teardown;

/// <summary>
/// Which side ended the connection first. The side that sends the first FIN holds TIME_WAIT for
/// 2MSL afterwards, so this is the TIME_WAIT attribution of a close.
/// </summary>
public enum ClosedFirstBy
{
    /// <summary>The peer's FIN arrived before ours: the peer holds TIME_WAIT, we hold nothing.</summary>
    Peer,

    /// <summary>We sent FIN first: this host holds the TIME_WAIT socket.</summary>
    Local,

    /// <summary>Either side reset the connection (RST): no TIME_WAIT on either side.</summary>
    Reset,
}
