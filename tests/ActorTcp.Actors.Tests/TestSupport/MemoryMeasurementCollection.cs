namespace ActorTcp.Actors.Tests.TestSupport;

/// <summary>Tests that measure the heap run alone, so other tests' objects do not blur the figures.</summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
}
