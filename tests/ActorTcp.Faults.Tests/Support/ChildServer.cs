using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Server;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// An echo server in a process of its own, so a test can impose limits on that process alone
/// (<c>prlimit --nofile</c>), read its descriptors and CPU time from <c>/proc/PID</c>, and kill it.
/// It is this test assembly run with the arguments <see cref="Verb"/> and a port; it prints its port
/// on one line and serves until its standard input closes.
/// </summary>
public sealed class ChildServer : IDisposable
{
    public const string Verb = "serve";

    /// <summary>The child's fixed number of pool threads (worker and I/O completion each).</summary>
    private const int PoolThreads = 8;

    private readonly Process _process;
    private readonly Task<string> _errors;

    private ChildServer(Process process, int port, Task<string> errors)
    {
        _process = process;
        Port = port;
        _errors = errors;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the server on <paramref name="port"/> (0 for a kernel-chosen one), under
    /// <c>prlimit --nofile=N:N</c> when <paramref name="maxOpenFiles"/> is given, and returns once it serves.
    /// </summary>
    public static async Task<ChildServer> StartAsync(int port = 0, int? maxOpenFiles = null)
    {
        var start = new ProcessStartInfo(maxOpenFiles is null ? DotnetHost() : "prlimit")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (maxOpenFiles is { } limit)
        {
            // prlimit execs the command, so the child's process id is the server's.
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--nofile={limit}:{limit}"));
            start.ArgumentList.Add(DotnetHost());
        }

        // The runtime needs a descriptor (a pipe) to start a thread: at the limit a new thread fails
        // as "Out of memory", which no code can catch. The child's pool threads are therefore all
        // started before the limit is reached, and kept: none retires and none is added later.
        start.Environment["DOTNET_ThreadPool_ThreadsToKeepAlive"] = "-1";
        start.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child server.");
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var served))
            {
                throw new InvalidOperationException($"The child server did not report a port: '{line}' {await errors}");
            }

            return new ChildServer(process, served, errors);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>CPU time (user + system) the process has used so far, from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText("/proc/" + ProcessId.ToString(CultureInfo.InvariantCulture) + "/stat");
        // The command name in brackets may hold spaces; the fields after it are plain numbers.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        const int ClockTicksPerSecond = 100;
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>Ends the process with SIGKILL, as a crash would: no drain, no goodbye, the kernel closes its sockets.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>What the child wrote to its standard error so far (for failure messages).</summary>
    public string Errors => _errors.IsCompleted ? _errors.Result : "(still running)";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        _process.Dispose();
    }

    /// <summary>The child's side: serve echo on loopback <paramref name="port"/> (0 for any) until standard input closes.</summary>
    public static async Task<int> ServeAsync(int port)
    {
        StartEveryPoolThread();
        var options = new ActorTcpOptions();
        options.Listen.Host = IPAddress.Loopback.ToString();
        options.Listen.Port = port;
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Drain.Timeout = TimeSpan.FromSeconds(2);
        await using var system = ActorSystem.Create("child");
        await using var server = await TcpServer.StartAsync(system, options, () => EchoHandler.Instance);

        // One round trip first, so every code path of serving is loaded before descriptors run out.
        using (var warmUp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await warmUp.ConnectAsync(IPAddress.Loopback, server.Port);
            await warmUp.SendAsync("warm\n"u8.ToArray());
            await warmUp.ReceiveAsync(new byte[16]);
        }

        await Console.Out.WriteLineAsync(server.Port.ToString(CultureInfo.InvariantCulture));
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static void StartEveryPoolThread()
    {
        ThreadPool.SetMinThreads(PoolThreads, PoolThreads);
        ThreadPool.SetMaxThreads(PoolThreads, PoolThreads);
        // Not disposed: the last workers may still be returning from Wait after this thread's Wait
        // has returned, and a disposed event throws at them. It lives as long as the process anyway.
        var allRunning = new CountdownEvent(PoolThreads);
        for (var i = 0; i < PoolThreads; i++)
        {
            // Each item holds its thread until every other has one too, so the pool starts them all.
            ThreadPool.UnsafeQueueUserWorkItem(
                static countdown =>
                {
                    countdown.Signal();
                    countdown.Wait();
                },
                allRunning,
                preferLocal: false);
        }

        allRunning.Wait();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
