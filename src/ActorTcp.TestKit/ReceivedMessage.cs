using ActorTcp.Actors;

namespace ActorTcp.TestKit;

/// <summary>One message a <see cref="TestProbe"/> received, with the sender it arrived with.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender; the system's dead letters when the message had none.</param>
public sealed record ReceivedMessage(object Message, IActorRef Sender)
{
    /// <summary>The message and where it came from, as failure messages show it.</summary>
    /// <returns>For example <c>Ping { } from /user/pinger</c>.</returns>
    public override string ToString() => $"{Descriptions.Of(Message)} {Descriptions.From(Sender)}";
}
