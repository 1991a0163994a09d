using System.Diagnostics;
using ActorTcp.Actors;
using ActorTcp.TestKit.Logging;
using ActorTcp.TestKit.VirtualTime;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorTcp.TestKit;

/// <summary>
/// The base class of an actor test (Akka.TestKit's shape, on xunit): it owns one
/// <see cref="ActorSystem"/> per test, on a virtual clock by default, with a default probe
/// (<see cref="TestActor"/>) whose expectations are available directly on the kit.
/// </summary>
/// <remarks>
/// <para>
/// xunit creates one instance of the test class per test, so the constructor creates the system and
/// <see cref="Dispose()"/> terminates it and waits for every actor to stop.
/// </para>
/// <para>
/// Time: under the default <see cref="VirtualTimeProvider"/>, scheduled tells, keyed timers and ask
/// timeouts wait until <see cref="Advance"/> moves the clock; then every timer the move covers fires,
/// in order, on the calling thread (a periodic timer as many times as the move covers). Make sure the
/// actor has started its timer (for example by expecting a reply first) before advancing. Waiting for
/// messages is real waiting, bounded by <see cref="TestKitOptions.DefaultTimeout"/>, and ends as soon
/// as the message is there.
/// </para>
/// <para>
/// A test class in a namespace under <c>ActorTcp</c> (other than <c>ActorTcp.TestKit</c>) sees the
/// namespace <c>ActorTcp.TestKit</c> before this class: derive from <c>ActorTcp.TestKit.TestKit</c> there.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class CounterTests(ITestOutputHelper output) : TestKit(output)
/// {
///     [Fact]
///     public void Tick_IsCountedEverySecond()
///     {
///         var counter = Sys.ActorOf(Props.Create(() => new Counter()));
///         counter.Tell(new Start(), TestActor);
///         ExpectMsg&lt;Started&gt;();
///
///         Advance(TimeSpan.FromSeconds(3));
///
///         counter.Tell(new Get(), TestActor);
///         ExpectMsg(3);
///     }
/// }
/// </code>
/// </example>
public class TestKit : IDisposable
{
    private readonly VirtualTimeProvider? _clock;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TestProbe _testProbe;
    private long? _withinEnd;
    private int _probeCount;
    private bool _disposed;

    /// <summary>Creates a kit with the default options: a virtual clock and a 3 second default timeout.</summary>
    /// <param name="output">The test's output, where the system's logs go; null for none.</param>
    public TestKit(ITestOutputHelper? output = null)
        : this(new TestKitOptions(), output)
    {
    }

    /// <summary>Creates a kit with <paramref name="options"/>.</summary>
    /// <param name="options">How to build the system.</param>
    /// <param name="output">The test's output, where the system's logs go; null for none.</param>
    public TestKit(TestKitOptions options, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        DefaultTimeout = options.DefaultTimeout;
        _clock = options.UseRealTime ? null : new VirtualTimeProvider();
        Time = _clock ?? TimeProvider.System;
        var settings = options.SystemSettings with { TimeProvider = Time };
        if (output is not null)
        {
            _loggerFactory = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(options.MinimumLogLevel)
                .AddProvider(new TestOutputLoggerProvider(output, Time)));
            settings = settings with { LoggerFactory = _loggerFactory };
        }

        Sys = ActorSystem.Create(options.SystemName, settings);
        _testProbe = new TestProbe(Sys, "testActor", RemainingWithin) { DefaultTimeout = DefaultTimeout };
    }

    /// <summary>The test's actor system.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The system's clock: the virtual clock, or <see cref="TimeProvider.System"/> with <see cref="TestKitOptions.UseRealTime"/>.</summary>
    public TimeProvider Time { get; }

    /// <summary>The virtual clock the system runs on.</summary>
    /// <exception cref="InvalidOperationException">The kit runs on the real clock.</exception>
    public VirtualTimeProvider Clock => _clock
        ?? throw new InvalidOperationException("This test kit runs on the real clock (TestKitOptions.UseRealTime); there is no virtual clock to move");

    /// <summary>The default probe's actor: pass it as the sender (<c>actor.Tell(message, TestActor)</c>) to expect the replies on the kit.</summary>
    public IActorRef TestActor => _testProbe.Ref;

    /// <summary>The default probe, whose expectations the kit's own methods delegate to.</summary>
    public TestProbe TestProbe => _testProbe;

    /// <summary>How long expectations and waits last when given no bound, outside <c>Within</c>.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>The sender of the last message the default probe consumed.</summary>
    public IActorRef LastSender => _testProbe.Sender;

    /// <summary>The time left of the innermost <c>Within</c> block.</summary>
    /// <exception cref="InvalidOperationException">Called outside <c>Within</c>.</exception>
    public TimeSpan Remaining => RemainingWithin()
        ?? throw new InvalidOperationException("Remaining is only defined inside Within; use RemainingOrDefault");

    /// <summary>The time left of the innermost <c>Within</c> block, or <see cref="DefaultTimeout"/> outside one.</summary>
    public TimeSpan RemainingOrDefault => RemainingWithin() ?? DefaultTimeout;

    /// <summary>
    /// Moves the virtual clock forward, firing every scheduled tell and timer the move covers, in
    /// order, on this thread (a periodic timer once for every period covered). The messages they tell
    /// are then in the mailboxes; expect them as usual.
    /// </summary>
    /// <remarks>
    /// Deadlines are rounded up to the scheduler's tick (<see cref="ActorSystemSettings.SchedulerTickDuration"/>,
    /// 10 ms by default), counted from the system's start: a timer started between two advances that are
    /// not multiples of the tick fires on the tick after its deadline.
    /// </remarks>
    /// <param name="by">How far to move the clock.</param>
    /// <exception cref="InvalidOperationException">The kit runs on the real clock.</exception>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Creates another probe in the test's system.</summary>
    /// <param name="name">The probe actor's name, or null for <c>probe-1</c>, <c>probe-2</c>, ...</param>
    /// <returns>The probe; its default timeout follows the kit's.</returns>
    public TestProbe CreateTestProbe(string? name = null)
    {
        name ??= "probe-" + Interlocked.Increment(ref _probeCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TestProbe(Sys, name, RemainingWithin) { DefaultTimeout = DefaultTimeout };
    }

    /// <summary>Creates a top-level actor in the test's system.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">Its name, or null for a generated one.</param>
    /// <returns>Its reference.</returns>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? max = null) => _testProbe.ExpectMsg<T>(max);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null) => _testProbe.ExpectMsg(isMessage, max, hint);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? max = null) => _testProbe.ExpectMsg(expected, max);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan)"/>
    public void ExpectNoMsg(TimeSpan duration) => _testProbe.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ExpectTerminated(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? max = null) => _testProbe.ExpectTerminated(target, max);

    /// <inheritdoc cref="TestProbe.ReceiveN(int, TimeSpan?)"/>
    public IReadOnlyList<object> ReceiveN(int n, TimeSpan? max = null) => _testProbe.ReceiveN(n, max);

    /// <inheritdoc cref="TestProbe.FishForMessage(Predicate{object}, TimeSpan?, string?)"/>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) =>
        _testProbe.FishForMessage(isMessage, max, hint);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{object}, TimeSpan?, string?)"/>
    public T FishForMessage<T>(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) =>
        _testProbe.FishForMessage<T>(isMessage, max, hint);

    /// <inheritdoc cref="TestProbe.Reply(object)"/>
    public void Reply(object message) => _testProbe.Reply(message);

    /// <inheritdoc cref="TestProbe.Forward(IActorRef)"/>
    public void Forward(IActorRef target) => _testProbe.Forward(target);

    /// <inheritdoc cref="TestProbe.Watch(IActorRef)"/>
    public IActorRef Watch(IActorRef target) => _testProbe.Watch(target);

    /// <inheritdoc cref="TestProbe.Unwatch(IActorRef)"/>
    public IActorRef Unwatch(IActorRef target) => _testProbe.Unwatch(target);

    /// <summary>Runs <paramref name="action"/> and asserts it finished within <paramref name="max"/> (real time).</summary>
    /// <param name="max">The most the block may take; expectations inside it default to the time left.</param>
    /// <param name="action">The block.</param>
    /// <exception cref="XunitException">The block took longer.</exception>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>
    /// Runs <paramref name="action"/> and asserts it took at least <paramref name="min"/> and at most
    /// <paramref name="max"/> (real time). Expectations inside it that are given no bound wait at most
    /// for the time left.
    /// </summary>
    /// <param name="min">The least the block must take.</param>
    /// <param name="max">The most the block may take.</param>
    /// <param name="action">The block.</param>
    /// <exception cref="XunitException">The block was faster than <paramref name="min"/> or slower than <paramref name="max"/>.</exception>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (start, bound, previous) = EnterWithin(max);
        try
        {
            action();
        }
        finally
        {
            _withinEnd = previous;
        }

        CheckWithin(start, min, bound);
    }

    /// <summary>Awaits <paramref name="action"/> and asserts it finished within <paramref name="max"/> (real time).</summary>
    /// <param name="max">The most the block may take; expectations inside it default to the time left.</param>
    /// <param name="action">The asynchronous block.</param>
    /// <returns>A task that completes when the block has and its duration is checked.</returns>
    public Task Within(TimeSpan max, Func<Task> action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Awaits <paramref name="action"/> and asserts it took at least <paramref name="min"/> and at most <paramref name="max"/> (real time).</summary>
    /// <param name="min">The least the block must take.</param>
    /// <param name="max">The most the block may take.</param>
    /// <param name="action">The asynchronous block.</param>
    /// <returns>A task that completes when the block has and its duration is checked.</returns>
    public async Task Within(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (start, bound, previous) = EnterWithin(max);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _withinEnd = previous;
        }

        CheckWithin(start, min, bound);
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing, at most for <paramref name="duration"/>;
    /// then rethrows its last failure. For state that actors change asynchronously.
    /// </summary>
    /// <param name="assertion">Assertions that eventually hold.</param>
    /// <param name="duration">How long to keep trying; null for the remaining or default time.</param>
    /// <param name="interval">The pause between attempts; default 20 ms.</param>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = duration ?? RemainingOrDefault;
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetElapsedTime(start) < limit)
            {
                // Not yet: try again after the pause; once time is up the filter lets the failure through.
            }

            Thread.Sleep(pause);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it is true, at most for <paramref name="max"/>.</summary>
    /// <param name="condition">What must eventually hold.</param>
    /// <param name="max">How long to keep polling; null for the remaining or default time.</param>
    /// <param name="message">What the condition means, for the failure message.</param>
    /// <exception cref="XunitException">The condition did not become true in time.</exception>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = max ?? RemainingOrDefault;
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) >= limit)
            {
                throw new XunitException(
                    $"the condition {(message is null ? string.Empty : $"\"{message}\" ")}did not become true within {Descriptions.Duration(limit)}");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Terminates the system and waits for every actor to stop.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system and waits (up to ten seconds) for every actor to stop.</summary>
    /// <param name="disposing">False when called from a finalizer, where nothing is done.</param>
    /// <exception cref="XunitException">The system did not terminate in time.</exception>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!Sys.Terminate().Wait(TimeSpan.FromSeconds(10)))
            {
                throw new XunitException($"the actor system {Sys.Name} did not terminate within 10 s");
            }
        }
        finally
        {
            _loggerFactory?.Dispose();
        }
    }

    private TimeSpan? RemainingWithin()
    {
        if (_withinEnd is not { } end)
        {
            return null;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private (long Start, TimeSpan Bound, long? Previous) EnterWithin(TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TimeSpan.Zero);
        var start = Stopwatch.GetTimestamp();

        // A nested block cannot outlast the one around it.
        var bound = RemainingWithin() is { } outer && outer < max ? outer : max;
        var previous = _withinEnd;
        _withinEnd = start + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        return (start, bound, previous);
    }

    private static void CheckWithin(long start, TimeSpan min, TimeSpan max)
    {
        var took = Stopwatch.GetElapsedTime(start);
        if (took < min)
        {
            throw new XunitException($"the block took {Descriptions.Duration(Round(took))}, less than the {Descriptions.Duration(min)} it should at least take");
        }

        if (took > max)
        {
            throw new XunitException($"the block took {Descriptions.Duration(Round(took))}, more than the {Descriptions.Duration(max)} allowed");
        }
    }

    private static TimeSpan Round(TimeSpan duration) => TimeSpan.FromMilliseconds(Math.Round(duration.TotalMilliseconds));
}
