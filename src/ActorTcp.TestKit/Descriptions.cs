using System.Globalization;
using ActorTcp.Actors;

namespace ActorTcp.TestKit;

/// <summary>How failure messages name messages, senders, types and durations.</summary>
internal static class Descriptions
{
    public static string Of(object message)
    {
        if (message is string text)
        {
            return $"\"{text}\"";
        }

        var type = message.GetType();
        var shown = message.ToString();

        // A record without members prints "Ping { }"; its name says it all.
        return string.IsNullOrEmpty(shown) || shown == type.FullName || shown == type.Name + " { }" ? type.Name : shown;
    }

    public static string From(IActorRef? sender) =>
        sender is null || sender.Path.Elements is ["deadLetters"]
            ? "without a sender"
            : "from " + PathOf(sender);

    /// <summary>The path inside its system, e.g. <c>/user/a</c>: every actor in a test shares one system.</summary>
    public static string PathOf(IActorRef actor) => "/" + string.Join('/', actor.Path.Elements);

    public static string Type(Type type)
    {
        var name = type.Name;
        var article = name.Length > 0 && "AEIOUaeiou".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";
        return $"{article} {name}";
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return "ever";
        }

        return duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###} ms");
    }

    public static string List(IReadOnlyCollection<ReceivedMessage> messages) =>
        messages.Count == 0 ? "none" : string.Join(", ", messages);
}
