using System.Collections.Concurrent;
using System.Diagnostics;
using ActorTcp.Actors;
using Xunit.Sdk;

namespace ActorTcp.TestKit;

/// <summary>
/// An actor whose mailbox the test reads (Akka.TestKit's <c>TestProbe</c>): give <see cref="Ref"/> to
/// the actor under test as a collaborator, then expect what it receives.
/// </summary>
/// <remarks>
/// <para>
/// Waiting is in real time and ends as soon as the message is there; a wait without an explicit
/// bound uses the remaining time of the enclosing <see cref="TestKit.Within(TimeSpan, TimeSpan, Action)"/>,
/// or <see cref="DefaultTimeout"/>. Expectations consume messages in arrival order and fail with an
/// <see cref="XunitException"/> that says what was expected and what came instead.
/// </para>
/// <para>
/// The expectation methods are meant for the test's thread; the queue behind them is thread-safe,
/// so the probe's actor may receive at any time.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var probe = CreateTestProbe();
/// pinger.Tell(new StartPinging(probe.Ref));
/// probe.ExpectMsg&lt;Ping&gt;();
/// probe.Reply(new Pong());
/// </code>
/// </example>
public sealed class TestProbe
{
    private const int RecentShown = 5;

    private readonly BlockingCollection<ReceivedMessage> _received = new(new ConcurrentQueue<ReceivedMessage>());
    private readonly Queue<ReceivedMessage> _recent = new();
    private readonly Func<TimeSpan?>? _remainingWithin;
    private ReceivedMessage? _last;

    /// <summary>Creates a probe actor in <paramref name="system"/>.</summary>
    /// <param name="system">The system the probe lives in.</param>
    /// <param name="name">The probe actor's name under <c>/user</c>, or null for a generated one.</param>
    public TestProbe(ActorSystem system, string? name = null)
        : this(system, name, remainingWithin: null)
    {
    }

    internal TestProbe(ActorSystem system, string? name, Func<TimeSpan?>? remainingWithin)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        _remainingWithin = remainingWithin;
        Ref = system.ActorOf(Props.Create(() => new TestProbeActor(_received)), name);
    }

    /// <summary>The probe's actor: pass it to the code under test.</summary>
    public IActorRef Ref { get; }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>How long an expectation waits when it is given no bound and runs outside <c>Within</c>. Default 3 seconds.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The sender of the last message an expectation consumed; dead letters before the first.</summary>
    public IActorRef Sender => _last?.Sender ?? System.DeadLetters;

    /// <summary>The last message an expectation consumed, or null before the first.</summary>
    public object? LastMessage => _last?.Message;

    /// <summary>True when messages wait that no expectation has consumed yet.</summary>
    public bool HasMessages => _received.Count > 0;

    /// <summary>Expects the next message to be a <typeparamref name="T"/> and returns it.</summary>
    /// <typeparam name="T">The expected type (a subtype matches too).</typeparam>
    /// <param name="max">How long to wait; null for the remaining or default time.</param>
    /// <returns>The message.</returns>
    /// <exception cref="XunitException">Nothing arrived in time, or something else did.</exception>
    public T ExpectMsg<T>(TimeSpan? max = null) => ExpectMsg<T>(static _ => true, max, hint: null);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> matching <paramref name="isMessage"/> and returns it.</summary>
    /// <typeparam name="T">The expected type (a subtype matches too).</typeparam>
    /// <param name="isMessage">What the message must satisfy.</param>
    /// <param name="max">How long to wait; null for the remaining or default time.</param>
    /// <param name="hint">Words for the failure message describing what the predicate checks.</param>
    /// <returns>The message.</returns>
    /// <exception cref="XunitException">Nothing arrived in time, or something else did.</exception>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = WaitFor(max);
        var expected = Descriptions.Type(typeof(T)) + (hint is null ? string.Empty : $" ({hint})");
        var received = Receive(wait) ?? throw NothingReceived(expected, wait);
        if (received.Message is not T typed)
        {
            throw new XunitException($"expected {expected} but received {received}");
        }

        if (!isMessage(typed))
        {
            throw new XunitException($"expected {expected} matching the predicate but received {received}");
        }

        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/> and returns it.</summary>
    /// <typeparam name="T">The message's type.</typeparam>
    /// <param name="expected">The message expected, compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="max">How long to wait; null for the remaining or default time.</param>
    /// <returns>The message received.</returns>
    /// <exception cref="XunitException">Nothing arrived in time, or something else did.</exception>
    public T ExpectMsg<T>(T expected, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var wait = WaitFor(max);
        var received = Receive(wait) ?? throw NothingReceived(Descriptions.Of(expected), wait);
        if (received.Message is not T typed || !Equals(typed, expected))
        {
            throw new XunitException($"expected {Descriptions.Of(expected)} but received {received}");
        }

        return typed;
    }

    /// <summary>Expects nothing to arrive for the whole of <paramref name="duration"/>.</summary>
    /// <param name="duration">How long to watch the queue; the call takes this long when it passes.</param>
    /// <exception cref="XunitException">A message arrived (or was already waiting).</exception>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (Receive(duration) is { } received)
        {
            throw new XunitException($"expected no message for {Descriptions.Duration(duration)} but received {received}");
        }
    }

    /// <summary>Expects the next message to be the <see cref="Terminated"/> of <paramref name="target"/>; the probe must watch it.</summary>
    /// <param name="target">The actor expected to have stopped.</param>
    /// <param name="max">How long to wait; null for the remaining or default time.</param>
    /// <returns>The termination message.</returns>
    /// <exception cref="XunitException">Nothing arrived in time, or something else did.</exception>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var wait = WaitFor(max);
        var expected = $"Terminated of {Descriptions.PathOf(target)}";
        var received = Receive(wait) ?? throw NothingReceived(expected, wait);
        if (received.Message is not Terminated terminated || !terminated.ActorRef.Equals(target))
        {
            throw new XunitException($"expected {expected} but received {received}");
        }

        return terminated;
    }

    /// <summary>Receives the next <paramref name="n"/> messages, whatever they are, within one overall bound.</summary>
    /// <param name="n">How many messages.</param>
    /// <param name="max">How long to wait for all of them; null for the remaining or default time.</param>
    /// <returns>The messages, in arrival order.</returns>
    /// <exception cref="XunitException">Fewer than <paramref name="n"/> arrived in time.</exception>
    public IReadOnlyList<object> ReceiveN(int n, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var wait = WaitFor(max);
        var start = Stopwatch.GetTimestamp();
        var messages = new List<object>(n);
        var received = new List<ReceivedMessage>(n);
        while (messages.Count < n)
        {
            var left = wait - Stopwatch.GetElapsedTime(start);
            if (Receive(left < TimeSpan.Zero ? TimeSpan.Zero : left) is not { } next)
            {
                throw new XunitException(
                    $"expected {n} messages within {Descriptions.Duration(wait)} but received {messages.Count}: {Descriptions.List(received)}");
            }

            received.Add(next);
            messages.Add(next.Message);
        }

        return messages;
    }

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/>, and returns that one.</summary>
    /// <param name="isMessage">What the message looked for satisfies.</param>
    /// <param name="max">How long to fish in all; null for the remaining or default time.</param>
    /// <param name="hint">Words for the failure message describing the message looked for.</param>
    /// <returns>The first message that satisfies the predicate.</returns>
    /// <exception cref="XunitException">No such message arrived in time.</exception>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) =>
        FishForMessage<object>(isMessage, max, hint);

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/>, and returns it as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the message found must have.</typeparam>
    /// <param name="isMessage">What the message looked for satisfies.</param>
    /// <param name="max">How long to fish in all; null for the remaining or default time.</param>
    /// <param name="hint">Words for the failure message describing the message looked for.</param>
    /// <returns>The first message that satisfies the predicate.</returns>
    /// <exception cref="XunitException">No such message arrived in time, or the one found is not a <typeparamref name="T"/>.</exception>
    public T FishForMessage<T>(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = WaitFor(max);
        var start = Stopwatch.GetTimestamp();
        var skipped = new List<ReceivedMessage>();
        var wanted = hint ?? "a message matching the predicate";
        while (true)
        {
            var left = wait - Stopwatch.GetElapsedTime(start);
            if (Receive(left < TimeSpan.Zero ? TimeSpan.Zero : left) is not { } received)
            {
                throw new XunitException(
                    $"fished for {wanted} for {Descriptions.Duration(wait)} but it did not come; skipped: {Descriptions.List(skipped)}");
            }

            if (!isMessage(received.Message))
            {
                skipped.Add(received);
                continue;
            }

            return received.Message is T typed
                ? typed
                : throw new XunitException($"fished for {wanted} and found {received}, which is not {Descriptions.Type(typeof(T))}");
        }
    }

    /// <summary>Tells <paramref name="message"/> to the sender of the last message consumed, with the probe as sender.</summary>
    /// <param name="message">The reply.</param>
    /// <exception cref="InvalidOperationException">No message has been consumed yet.</exception>
    public void Reply(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var last = _last ?? throw new InvalidOperationException("The probe has received nothing to reply to");
        last.Sender.Tell(message, Ref);
    }

    /// <summary>Tells the last message consumed to <paramref name="target"/>, keeping its original sender.</summary>
    /// <param name="target">Where to forward it.</param>
    /// <exception cref="InvalidOperationException">No message has been consumed yet.</exception>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var last = _last ?? throw new InvalidOperationException("The probe has received nothing to forward");
        target.Tell(last.Message, last.Sender);
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with the probe as sender, so replies come to the probe.</summary>
    /// <param name="target">The receiver.</param>
    /// <param name="message">The message.</param>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Makes the probe watch <paramref name="target"/>; returns once the watch is in place.</summary>
    /// <param name="target">The actor whose <see cref="Terminated"/> the probe is to receive.</param>
    /// <returns><paramref name="target"/>.</returns>
    public IActorRef Watch(IActorRef target)
    {
        RunWatchCommand(target, watch: true);
        return target;
    }

    /// <summary>Makes the probe stop watching <paramref name="target"/>; returns once that is done.</summary>
    /// <param name="target">The watched actor.</param>
    /// <returns><paramref name="target"/>.</returns>
    public IActorRef Unwatch(IActorRef target)
    {
        RunWatchCommand(target, watch: false);
        return target;
    }

    private TimeSpan WaitFor(TimeSpan? max)
    {
        var wait = max ?? _remainingWithin?.Invoke() ?? DefaultTimeout;
        return wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : wait;
    }

    private ReceivedMessage? Receive(TimeSpan wait)
    {
        if (!_received.TryTake(out var received, wait))
        {
            return null;
        }

        _last = received;
        lock (_recent)
        {
            _recent.Enqueue(received);
            if (_recent.Count > RecentShown)
            {
                _recent.Dequeue();
            }
        }

        return received;
    }

    private XunitException NothingReceived(string expected, TimeSpan wait)
    {
        ReceivedMessage[] recent;
        lock (_recent)
        {
            recent = [.. _recent];
        }

        return new XunitException(
            $"expected {expected} within {Descriptions.Duration(wait)} but received nothing; last messages: {Descriptions.List(recent)}");
    }

    private void RunWatchCommand(IActorRef target, bool watch)
    {
        ArgumentNullException.ThrowIfNull(target);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Ref.Tell(new TestProbeActor.WatchCommand(target, watch, done), ActorRefs.NoSender);
        var wait = WaitFor(max: null);
        if (!done.Task.Wait(wait == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : wait))
        {
            throw new XunitException($"the probe {Descriptions.PathOf(Ref)} did not {(watch ? "watch" : "unwatch")} {Descriptions.PathOf(target)} within {Descriptions.Duration(wait)}");
        }
    }
}
