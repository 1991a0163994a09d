using ActorTcp.Sockets;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Sockets;

[Collection(ProcessWideStateCollection.Name)]
public sealed class ResetPathWarmUpTests
{
    [Fact]
    public void ThrowawayConnection_LeavesNoDescriptorAndNoKernelSocketBehind()
    {
        // Arrange: one run first, so what the runtime opens once (its socket engine) is in the baseline.
        ResetPathWarmUp.ResetThrowawayConnection();
        var socketsBefore = SocketDescriptors.Count();

        // Act
        var port = ResetPathWarmUp.ResetThrowawayConnection();

        // Assert: the three sockets are closed, and the reset left no TIME_WAIT on either end.
        Assert.Equal(socketsBefore, SocketDescriptors.Count());
        var left = KernelTcpTable.ReadAll().Where(s => s.LocalEndPoint.Port == port || s.RemoteEndPoint.Port == port).ToList();
        Assert.Empty(left);
    }
}
