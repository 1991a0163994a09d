namespace ActorTcp.Actors.Cells;

/// <summary>
/// The user guardian (<c>/user</c>), parent of every top-level actor. It handles no messages of its
/// own; its supervisor strategy comes from <see cref="ActorSystemSettings.GuardianSupervisorStrategy"/>.
/// </summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;

    /// <summary>Keeps top-level actors alive across a guardian restart, which never happens in practice.</summary>
    protected override void PreRestart(Exception reason, object? message)
    {
    }
}
