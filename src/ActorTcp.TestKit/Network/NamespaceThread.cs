using System.Runtime.InteropServices;

namespace ActorTcp.TestKit.Network;

/// <summary>
/// One thread that joins a network namespace with <c>setns</c> and then runs what it is handed, one
/// item at a time. The namespace is a property of the thread, so only this thread is inside; callers
/// wait on a plain event rather than a task, because a task continuation queued from here could make
/// the thread pool start a worker, and that worker would inherit the namespace.
/// </summary>
internal sealed class NamespaceThread : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private readonly Queue<WorkItem> _work = new();
    private readonly Thread _thread;
    private bool _stopping;

    private NamespaceThread(string namespaceName)
    {
        _thread = new Thread(() => Loop(namespaceName))
        {
            IsBackground = true,
            Name = "netns " + namespaceName,
        };
    }

    /// <summary>Starts the thread and returns once it is inside the namespace.</summary>
    /// <exception cref="InvalidOperationException">The thread could not join the namespace.</exception>
    public static NamespaceThread Start(string namespaceName)
    {
        var thread = new NamespaceThread(namespaceName);
        thread._thread.Start();
        try
        {
            // The first item runs only after setns succeeded; a failure there is its exception.
            thread.Run(() => 0);
        }
        catch
        {
            thread.Dispose();
            throw;
        }

        return thread;
    }

    /// <summary>Runs <paramref name="action"/> on the thread and returns its result or rethrows its exception.</summary>
    public T Run<T>(Func<T> action)
    {
        var item = new WorkItem(() => action());
        lock (_work)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _work.Enqueue(item);
            Monitor.Pulse(_work);
        }

        item.Done.Wait();
        item.Done.Dispose();
        return item.Failure is { } failure
            ? throw new InvalidOperationException("Running inside the network namespace failed: " + failure.Message, failure)
            : (T)item.Result!;
    }

    /// <summary>Lets the thread finish the items it has and end.</summary>
    public void Dispose()
    {
        lock (_work)
        {
            _stopping = true;
            Monitor.Pulse(_work);
        }

        _thread.Join();
    }

    private void Loop(string namespaceName)
    {
        Exception? joinFailure = null;
        try
        {
            using var handle = File.OpenHandle("/var/run/netns/" + namespaceName);
            if (SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
            {
                joinFailure = new InvalidOperationException($"setns into {namespaceName} failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }
        catch (IOException error)
        {
            joinFailure = error;
        }

        while (true)
        {
            WorkItem item;
            lock (_work)
            {
                while (_work.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_work);
                }

                if (_work.Count == 0)
                {
                    return;
                }

                item = _work.Dequeue();
            }

            if (joinFailure is not null)
            {
                // Never run anything outside the namespace it was meant for.
                item.Failure = joinFailure;
            }
            else
            {
                try
                {
                    item.Result = item.Action();
                }
#pragma warning disable CA1031 // Any failure belongs to the caller, who rethrows it.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    item.Failure = error;
                }
            }

            item.Done.Set();
        }
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNamespace(int fd, int namespaceType);

    private sealed class WorkItem(Func<object?> action)
    {
        public Func<object?> Action { get; } = action;

        public ManualResetEventSlim Done { get; } = new();

        public object? Result { get; set; }

        public Exception? Failure { get; set; }
    }
}
