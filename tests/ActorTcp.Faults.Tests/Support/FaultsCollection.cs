namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// Every fault test runs alone: they measure what the whole process and kernel hold (descriptors,
/// socket states, CPU, memory, latency), which a test running beside them would change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    /// <summary>The collection's name, for <c>[Collection(...)]</c>.</summary>
    public const string Name = "Faults";
}
