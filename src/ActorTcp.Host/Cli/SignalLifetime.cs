using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM both stop the host gracefully: the first signal starts the drain and the
/// process exits 0 once it is done. An operator who will not wait sends a second signal, which exits at
/// once (code 128 + signal); the kernel then closes whatever is still open.
/// </summary>
internal sealed partial class SignalLifetime(IHostApplicationLifetime lifetime, ILogger<SignalLifetime> log) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

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
        var number = context.Signal == PosixSignal.SIGINT ? 2 : 15;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            LogStopping(context.Signal.ToString());
            lifetime.StopApplication();
            return;
        }

        LogAborting(context.Signal.ToString());
        Environment.Exit(ExitCodes.AbortedBy(number));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Signal} received: draining, then exiting; a second signal exits at once")]
    private partial void LogStopping(string signal);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{Signal} received again: exiting without finishing the drain")]
    private partial void LogAborting(string signal);
}
