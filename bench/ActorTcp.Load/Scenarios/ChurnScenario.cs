using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using ActorTcp.Load.Cli;
using ActorTcp.Load.Measurement;
using ActorTcp.Load.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Short connections as fast as <c>workers</c> loops can make them: connect, one request, one
/// reply, close. The client closes first by default, so TIME_WAIT lands on the client. With
/// <c>--server-closes</c> the server ends the connection after its reply: a server that knows
/// goodbyes sends the line <c>BYE</c> and waits, and this cooperative client then closes first
/// (TIME_WAIT on the client); a server that does not simply closes (TIME_WAIT on the server).
/// </summary>
internal sealed class ChurnScenario(ChurnSettings settings)
{
    private static readonly byte[] Goodbye = "BYE"u8.ToArray();
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private long _completed;
    private long _failed;
    private long _onGoodbye;
    private volatile bool _stopping;

    public async Task<ChurnResult> RunAsync(LoadProgress progress, CancellationToken cancellationToken)
    {
        var connector = new Connector(settings.Target);
        var request = new byte[settings.Size];
        request.AsSpan().Fill((byte)'x');
        request[^1] = (byte)'\n';
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var machineAtStart = MachineCpu.Read();
        var workers = Enumerable.Range(0, settings.Workers)
            .Select(_ => Task.Run(() => WorkAsync(connector, request, abort.Token), CancellationToken.None))
            .ToArray();
        var stage = progress.Start($"churn, {settings.Workers} workers{(settings.ServerCloses ? ", server closes" : "")}", settings.Duration.TotalSeconds);
        while (Stopwatch.GetElapsedTime(start) is var elapsed && elapsed < settings.Duration)
        {
            stage.Report(elapsed.TotalSeconds);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        _stopping = true;

        // A connection the server never finishes must not keep its worker, and the run, waiting.
        abort.CancelAfter(StopTimeout);
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var stealPercent = MachineCpu.Read().StealPercentSince(machineAtStart);
        stage.Complete();

        // The last closes finish their FIN exchange; then TIME_WAIT holds still for a minute.
        await Task.Delay(settings.Settle, cancellationToken);
        var sockets = TcpTable.Read();
        var port = settings.Target.Port;
        return new ChurnResult
        {
            Workers = settings.Workers,
            ServerCloses = settings.ServerCloses,
            Seconds = seconds,
            Completed = _completed,
            ConnectionsPerSecond = _completed / seconds,
            Failed = _failed,
            ClosedOnGoodbye = _onGoodbye,
            ServerTimeWait = sockets.Count(s => s.State == TcpState.TimeWait && s.Local.Port == port),
            ClientTimeWait = sockets.Count(s => s.State == TcpState.TimeWait && s.Remote.Port == port),
            ServerCloseWait = sockets.Count(s => s.State == TcpState.CloseWait && s.Local.Port == port),
            StealPercent = stealPercent,
            MaxTimeWaitBuckets = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/tcp_max_tw_buckets").Trim(), CultureInfo.InvariantCulture),
        };
    }

    private async Task WorkAsync(Connector connector, byte[] request, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (!_stopping && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = await connector.ConnectAsync(cancellationToken);
                await socket.SendAsync(request, SocketFlags.None, cancellationToken);
                if (await ReadReplyAsync(socket, buffer, request.Length, cancellationToken))
                {
                    Interlocked.Increment(ref _completed);
                }
                else
                {
                    Interlocked.Increment(ref _failed);
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }

    /// <summary>Reads the reply, and in server-closes mode what follows it, up to the goodbye or the end.</summary>
    private async Task<bool> ReadReplyAsync(Socket socket, byte[] buffer, int replyLength, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return length >= replyLength;
            }

            length += read;
            if (length < replyLength)
            {
                continue;
            }

            if (!settings.ServerCloses)
            {
                return true;
            }

            if (buffer.AsSpan(replyLength, length - replyLength).IndexOf(Goodbye) >= 0)
            {
                Interlocked.Increment(ref _onGoodbye);
                return true;
            }

            if (length == buffer.Length)
            {
                return false;
            }
        }
    }
}
