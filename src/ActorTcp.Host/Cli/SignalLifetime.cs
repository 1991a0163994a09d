using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM both stop the host gracefully: the first signal starts the drain and the
/// process exits 0 once it is done. An operator who will not wait sends a second signal, which exits at
/// once (code 128 + signal); the kernel then closes whatever is still open. One signal can arrive twice
/// within moments, when it goes to the whole process group and a parent such as <c>dotnet run</c> also
/// forwards it; a repeat within <see cref="RepeatWindow"/> is therefore taken as the same signal.
/// </summary>
internal sealed partial class SignalLifetime(IHostApplicationLifetime lifetime, ILogger<SignalLifetime> log) : IHostLifetime, IDisposable
{
    /// <summary>How soon after the first signal a second one counts as the same signal delivered twice.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMilliseconds(500);

    private readonly List<PosixSignalRegistration> _registrations = [];
    private long _firstSignalAt;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancelling keeps the runtime from terminating the process itself.
        context.Cancel = true;
        var now = Stopwatch.GetTimestamp();
        if (Interlocked.CompareExchange(ref _firstSignalAt, now, 0) == 0)
        {
            LogStopping(context.Signal.ToString());
            lifetime.StopApplication();
            return;
        }

        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstSignalAt), now) < RepeatWindow)
        {
            return;
        }

        LogAborting(context.Signal.ToString());
        Environment.Exit(ExitCodes.AbortedBy(context.Signal == PosixSignal.SIGINT ? 2 : 15));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Signal} received: draining, then exiting; a second signal exits at once")]
    private partial void LogStopping(string signal);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{Signal} received again: exiting without finishing the drain")]
    private partial void LogAborting(string signal);
}
