namespace ActorTcp.Tests.Server;

/// <summary>
/// Tests that measure state shared by the whole process (open descriptors) run alone: any test
/// running beside them would change what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "Process-wide state";
}
