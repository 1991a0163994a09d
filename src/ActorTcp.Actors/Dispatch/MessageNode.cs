namespace ActorTcp.Actors.Dispatch;

/// <summary>
/// One link of a <see cref="MessageQueue"/>. The envelope is stored inline so that enqueuing a
/// message allocates this node and nothing else.
/// </summary>
internal sealed class MessageNode
{
    internal MessageNode? Next;
    internal Envelope Envelope;

    internal MessageNode()
    {
    }

    internal MessageNode(Envelope envelope) => Envelope = envelope;
}
