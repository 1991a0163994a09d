using Xunit;

namespace ActorTcp.TestKit;

/// <summary>
/// Waits for a condition that an asynchronous event (an actor, the kernel, another process) will make
/// true: polls it until it holds, and fails the test with <c>because</c> once a generous bound has
/// passed. For real sockets and processes, where virtual time cannot help.
/// </summary>
/// <example>
/// <code>
/// await Eventually.TrueAsync(() => KernelTcpTable.ReadAll().All(s => s.State != KernelTcpState.CloseWait), "no CLOSE_WAIT is left");
/// </code>
/// </example>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The bound when none is given: ample for an actor or a loopback socket on a busy machine.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>A wider bound for what a child process or a heavily loaded kernel makes true.</summary>
    public static TimeSpan ProcessTimeout { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> until it is true.</summary>
    /// <param name="condition">What must come to hold.</param>
    /// <param name="because">What the wait is for, named in the failure ("... until {because}").</param>
    /// <param name="timeout">The bound; <see cref="DefaultTimeout"/> when null.</param>
    /// <returns>A task that completes once the condition held.</returns>
    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), because, timeout);
    }

    /// <summary>Polls a condition that has to ask (an actor, a server, an HTTP endpoint) until it is true.</summary>
    /// <param name="condition">What must come to hold.</param>
    /// <param name="because">What the wait is for, named in the failure ("... until {because}").</param>
    /// <param name="timeout">The bound; <see cref="DefaultTimeout"/> when null.</param>
    /// <returns>A task that completes once the condition held.</returns>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}
