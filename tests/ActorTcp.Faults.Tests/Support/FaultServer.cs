using System.Net;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Server;
using ActorTcp.TestKit.Logging;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// A real <see cref="TcpServer"/> in its own actor system, every connection's handler wrapped in a
/// <see cref="RecordingHandler"/>, and every log line captured.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly ActorSystem _system;

    private FaultServer(ActorSystem system, TcpServer server, ConnectionRecord record, CapturingLoggerFactory logs)
    {
        _system = system;
        Server = server;
        Record = record;
        Logs = logs;
    }

    public TcpServer Server { get; }

    public ConnectionRecord Record { get; }

    public CapturingLoggerFactory Logs { get; }

    public int Port => Server.Port;

    /// <summary>
    /// Starts a server on <paramref name="host"/> (loopback unless given) and a kernel-chosen port,
    /// with the heartbeat off and a short drain unless <paramref name="configure"/> says otherwise.
    /// </summary>
    public static async Task<FaultServer> StartAsync(
        Action<ActorTcpOptions>? configure = null, Func<IConnectionHandler>? handler = null, IPAddress? host = null)
    {
        var options = new ActorTcpOptions();
        options.Listen.Host = (host ?? IPAddress.Loopback).ToString();
        options.Listen.Port = 0;
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Drain.Timeout = TimeSpan.FromSeconds(2);
        configure?.Invoke(options);

        var record = new ConnectionRecord();
        var logs = new CapturingLoggerFactory(LogLevel.Information);
        var system = ActorSystem.Create("faults");
        try
        {
            var inner = handler ?? (() => EchoHandler.Instance);
            var server = await TcpServer.StartAsync(system, options, () => new RecordingHandler(inner(), record), logs);
            return new FaultServer(system, server, record, logs);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Server.DisposeAsync();
        }
        finally
        {
            await _system.DisposeAsync();
        }
    }
}
