using System.Diagnostics.Metrics;
using ActorTcp.Connections;
using Xunit.Abstractions;

namespace ActorTcp.Tests.Connections;

public sealed class ReleasePathWarmUpTests(ITestOutputHelper output) : ActorTcp.TestKit.TestKit(output)
{
    [Fact]
    public void StopRehearsal_StopsItsTimedChildAndThenItself()
    {
        // Arrange
        var probe = CreateTestProbe();

        // Act
        var rehearsal = ReleasePathWarmUp.RehearseStop(Sys);
        probe.Watch(rehearsal);

        // Assert: gone without anything from outside, so no throwaway actor outlives the warm-up.
        probe.ExpectTerminated(rehearsal);
    }

    [Fact]
    public void ThrowawayClose_RecordsTheHeartbeatCloseOnAMeterOfItsOwn_AndEndsIt()
    {
        // Arrange: follow every instrument made on this thread while the warm-up runs. Instruments
        // are published on the thread that makes them, so servers of tests running beside this one
        // stay out, and the runtime's own instruments are published by Start, before the act.
        var testThread = Environment.CurrentManagedThreadId;
        var acting = false;
        var meterNames = new List<string>();
        var closes = new List<(string? Reason, string? FirstBy)>();
        var completed = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (acting && Environment.CurrentManagedThreadId == testThread)
            {
                meterNames.Add(instrument.Meter.Name);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "actortcp.connections.closed")
            {
                closes.Add((Tag(tags, "reason"), Tag(tags, "closed_first_by")));
            }
        });
        listener.MeasurementsCompleted = (instrument, _) => completed.Add(instrument.Name);
        listener.Start();

        // Act
        acting = true;
        ReleasePathWarmUp.RecordThrowawayClose();
        acting = false;

        // Assert: the close a dead peer records, with both its tags, on the throwaway meter only,
        // which is disposed before the warm-up returns.
        Assert.NotEmpty(meterNames);
        Assert.All(meterNames, name => Assert.Equal(ReleasePathWarmUp.ThrowawayMeterName, name));
        Assert.Equal([("HeartbeatTimeout", "Reset")], closes);
        Assert.Equal(meterNames.Count, completed.Count);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
