namespace ActorTcp.Tests.Support;

/// <summary>
/// Tests that measure state shared by the whole process (open descriptors) run alone: any test running
/// beside them would change what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    /// <summary>The collection's name, for <c>[Collection(...)]</c>.</summary>
    public const string Name = "Process-wide state";
}
