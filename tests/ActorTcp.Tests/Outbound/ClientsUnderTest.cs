using ActorTcp.Actors;
using ActorTcp.Outbound;
using ActorTcp.Server;

namespace ActorTcp.Tests.Outbound;

/// <summary>
/// A <see cref="TcpClientManager"/> for a test on the virtual clock. Disposing resets whatever is
/// still open before the manager closes the rest: a graceful close waits for the peer's FIN within a
/// fin-wait that only the test's clock could end, so a failed test must not leave one behind.
/// </summary>
internal sealed class ClientsUnderTest(ActorSystem system, int seed = 7) : IAsyncDisposable
{
    public TcpClientManager Manager { get; } = new(system, randomFactory: () => new Random(seed));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Manager.Connections.Select(c => c.CloseAsync(CloseMode.Abort)));
        await Manager.DisposeAsync();
    }
}
