using ActorTcp.Host.Dashboard;

namespace ActorTcp.Host.Tests.Dashboard;

public sealed class ShownConnectionsTests
{
    private static readonly DateTimeOffset Opened = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstUpdate_SendsEveryRow()
    {
        var shown = new ShownConnections();

        var changes = shown.Update([Row(1), Row(2)]);

        Assert.Equal([1L, 2L], changes.Upserted.Select(r => r.Id));
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void NothingChanged_SendsNothing()
    {
        var shown = new ShownConnections();
        shown.Update([Row(1), Row(2)]);

        var changes = shown.Update([Row(1), Row(2)]);

        Assert.Empty(changes.Upserted);
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void ConnectionOpensChangesAndCloses_SendsTheNewAndChangedRowsAndTheGoneIds()
    {
        var shown = new ShownConnections();
        shown.Update([Row(1), Row(2), Row(3)]);

        var changes = shown.Update([Row(1), Row(3, bytesIn: 10, state: "PeerClosed"), Row(4)]);

        Assert.Equal([3L, 4L], changes.Upserted.Select(r => r.Id));
        Assert.Equal("PeerClosed", changes.Upserted[0].State);
        Assert.Equal([2L], changes.Removed);
    }

    private static ConnectionRow Row(long id, long bytesIn = 0, string state = "Established") =>
        new(id, "127.0.0.1:" + (40000 + id), state, Opened, Opened, bytesIn, 0, 0);
}
