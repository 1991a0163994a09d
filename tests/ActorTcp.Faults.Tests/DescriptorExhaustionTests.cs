using System.Net;
using System.Net.Sockets;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class DescriptorExhaustionTests
{
    private const int MaxOpenFiles = 256;
    private const int Clients = 400;
    private static readonly TimeSpan CpuWindow = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A busy accept loop keeps a core at 100%; a back-off doubling to 1 s needs next to nothing.
    /// A third of a core leaves room for a noisy machine and still tells the two apart.
    /// </summary>
    private const double MostCpuShare = 0.33;

    [Fact]
    public async Task ServerUnderNofile256_With400Clients_KeepsRunningBacksOffAndAcceptsAgainOnceClientsLeave()
    {
        // Scenario: an echo server in its own process limited to 256 descriptors.
        using var child = await ChildServer.StartAsync(maxOpenFiles: MaxOpenFiles);

        // Fault: 400 clients connect; the kernel completes every handshake, the process cannot accept them all.
        var clients = new List<Socket>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                clients.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, child.Port);
            }

            // Kernel fact: the process is at its descriptor limit and the listener's accept queue
            // (rx_queue of the LISTEN row) holds the connections it could not take.
            await Eventually.TrueAsync(
                () => OpenFileDescriptors.Count(child.ProcessId) >= MaxOpenFiles - 8 && AcceptQueue(child.Port) > 0,
                "the server runs out of descriptors with connections waiting", Eventually.ProcessTimeout);

            // It backs off instead of spinning on EMFILE, and keeps running.
            var cpuBefore = child.CpuTime();
            await Task.Delay(CpuWindow);
            var cpuShare = (child.CpuTime() - cpuBefore) / CpuWindow;
            Assert.True(cpuShare < MostCpuShare, $"The server used {cpuShare:P0} of a core while out of descriptors.");
            Assert.False(child.HasExited, "The server exited: " + child.Errors);
            Assert.InRange(OpenFileDescriptors.Count(child.ProcessId), 0, MaxOpenFiles);
        }
        finally
        {
            // The clients leave.
            clients.ForEach(client => client.Dispose());
        }

        // Once descriptors are free again it drains the queue and serves a new client.
        await Eventually.TrueAsync(() => AcceptQueue(child.Port) == 0, "the accept queue is drained", Eventually.ProcessTimeout);
        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await late.ConnectAsync(IPAddress.Loopback, child.Port);
        await late.SendAsync("still here\n"u8.ToArray());
        var echo = new byte[11];
        var received = 0;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (received < echo.Length)
        {
            var read = await late.ReceiveAsync(echo.AsMemory(received), SocketFlags.None, patience.Token);
            Assert.NotEqual(0, read);
            received += read;
        }

        Assert.Equal("still here\n"u8.ToArray(), echo);
        Assert.False(child.HasExited, "The server exited: " + child.Errors);
    }

    private static long AcceptQueue(int port) =>
        KernelTcpTable.ReadAll().Where(s => s.State == KernelTcpState.Listen && s.LocalEndPoint.Port == port).Sum(s => s.ReceiveQueueBytes);
}
