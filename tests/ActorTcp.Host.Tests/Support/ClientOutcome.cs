namespace ActorTcp.Host.Tests.Support;

/// <summary>What a cooperative client saw during a drain.</summary>
public enum ClientOutcome
{
    /// <summary>It read the goodbye, sent its FIN first and then saw the server's.</summary>
    SawGoodbyeAndClosedFirst,

    /// <summary>Its first line did not come back.</summary>
    NotEchoed,

    /// <summary>The stream ended or carried something else instead of the goodbye.</summary>
    NoGoodbye,
}
