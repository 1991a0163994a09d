namespace ActorTcp.Actors;

/// <summary>A behaviour of an <see cref="UntypedActor"/>: handles every message it is given.</summary>
/// <param name="message">The message.</param>
public delegate void UntypedReceive(object message);
