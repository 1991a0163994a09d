using System.Diagnostics;
using System.Text;

namespace ActorTcp.Host.Tests.Support;

/// <summary>
/// The built host (<c>src/ActorTcp.Host/bin/.../ActorTcp.Host.dll</c>) run as a child process with
/// <c>dotnet</c>, exactly as a user runs it, its output captured for the assertions.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The directory that holds ActorTcp.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The host's dll, built beside this test project in the same configuration.</summary>
    public static string HostDll { get; } = FindHostDll();

    /// <summary>What the process wrote to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet ActorTcp.Host.dll</c> with <paramref name="args"/> and the extra environment.</summary>
    public static HostProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own settings must not leak into the host under test.
        start.Environment.Remove("ACTORTCP_CONFIG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs the host to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var host = Start(args, environment);
        var exitCode = await host.WaitForExitAsync(timeout);
        return (exitCode, host.Output, host.Error);
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and systemd do.</summary>
    public void Terminate() => Signal("-TERM", times: 1);

    /// <summary>Sends SIGTERM twice in one breath, as a process group signal plus a parent's forwarding of it arrive.</summary>
    public void TerminateTwiceAtOnce() => Signal("-TERM", times: 2);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Signal("-INT", times: 1);

    private void Signal(string signal, int times)
    {
        var pid = _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", [signal, .. Enumerable.Repeat(pid, times)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0 || _process.HasExited, $"kill {signal} {pid} failed");
    }

    /// <summary>Waits for the process to exit and returns its exit code; fails the test past <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the host did not exit within {timeout}.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        // The parameterless wait also drains the redirected output.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string FindRepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ActorTcp.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("ActorTcp.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindHostDll()
    {
        // bin/<Configuration>/net10.0/ of this project → the same under src/ActorTcp.Host.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(FindRepositoryRoot(), "src", "ActorTcp.Host", "bin", here.Parent!.Name, here.Name, "ActorTcp.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The host is not built", dll);
    }
}
