namespace ActorTcp.Actors.Cells;

/// <summary>
/// Marks the user messages the cell handles itself before the actor sees them
/// (<see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Terminated"/>), so the run loop needs a
/// single type test per message.
/// </summary>
internal interface IAutoReceivedMessage
{
}
