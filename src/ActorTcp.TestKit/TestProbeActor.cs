using System.Collections.Concurrent;
using ActorTcp.Actors;

namespace ActorTcp.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: it queues every message with its sender, and obeys watch commands.</summary>
internal sealed class TestProbeActor(BlockingCollection<ReceivedMessage> received) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is WatchCommand command)
        {
            if (command.Watch)
            {
                Context.Watch(command.Subject);
            }
            else
            {
                Context.Unwatch(command.Subject);
            }

            command.Done.TrySetResult();
            return;
        }

        received.Add(new ReceivedMessage(message, Sender));
    }

    /// <summary>Makes the probe watch or unwatch <see cref="Subject"/> on its own turn, as death watch requires.</summary>
    internal sealed record WatchCommand(IActorRef Subject, bool Watch, TaskCompletionSource Done);
}
