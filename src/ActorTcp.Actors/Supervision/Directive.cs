namespace ActorTcp.Actors.Supervision;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the child's instance and state; continue with its next message.</summary>
    Resume,

    /// <summary>
    /// Replace the child's instance with a fresh one from its props; the mailbox is kept and the
    /// failing message is dropped.
    /// </summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, for its own supervisor to decide.</summary>
    Escalate,
}
