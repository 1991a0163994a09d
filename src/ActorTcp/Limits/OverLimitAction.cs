namespace ActorTcp.Limits;

/// <summary>What a connection over a limit gets (key <c>limits.over-limit</c>).</summary>
public enum OverLimitAction
{
    /// <summary>Reset at once: costs nothing, tells the client nothing.</summary>
    Rst,

    /// <summary>Write the one-line refusal (<c>limits.refusal</c>), then close.</summary>
    Refuse,
}
