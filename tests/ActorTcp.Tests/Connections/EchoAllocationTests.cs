using System.Net;
using System.Net.Sockets;
using ActorTcp.Handlers;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

/// <summary>
/// The echo steady state allocates no memory per frame in the connection: reads, framing, the handler's
/// send and the write all run on pooled or cached objects. The allowance is one mailbox node per frame
/// (40 bytes, the actor runtime's cost of the socket's readiness message), which is not the
/// connection's to save.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class EchoAllocationTests
{
    private const int RoundTrips = 2_000;
    private const int Batches = 5;

    [Fact]
    public async Task EchoSteadyState_AllocatesAtMostOneMailboxNodePerFrame()
    {
        await using var harness = ConnectionHarness.Create();

        // A socket that never went async: its blocking calls allocate nothing, so the figure is the server's.
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.Connect(new IPEndPoint(IPAddress.Loopback, harness.Port));
        await harness.AcceptAsync(EchoHandler.Instance);
        var line = "hello world 1234\n"u8.ToArray();
        var buffer = new byte[line.Length];
        await Task.Run(() => Echo(client, line, buffer, 2_000));

        // The counter is process-wide, so anything else running (another test's timers, the runtime)
        // only adds to a batch; the quietest batch is the server's own figure. A per-frame allocation
        // in the connection shows in every batch.
        var perFrame = new List<double>();
        for (var batch = 0; batch < Batches; batch++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await Task.Run(() => Echo(client, line, buffer, RoundTrips));
            perFrame.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)RoundTrips);
        }

        Assert.True(perFrame.Min() <= 48, $"bytes allocated per echoed frame, by batch: {string.Join(", ", perFrame.Select(b => b.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private static void Echo(Socket client, byte[] line, byte[] buffer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            client.Send(line);
            var received = 0;
            while (received < line.Length)
            {
                received += client.Receive(buffer, received, line.Length - received, SocketFlags.None);
            }
        }
    }
}
