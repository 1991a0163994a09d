using Spectre.Console;

namespace ActorTcp.Load.Cli;

/// <summary>A scenario's outcome: a table for people, and the same figures as JSON for scripts.</summary>
internal interface IScenarioResult
{
    /// <summary>The scenario's name (<c>idle</c>, <c>echo</c>, ...).</summary>
    string Scenario { get; }

    /// <summary>The figures as a table.</summary>
    Table ToTable();
}
