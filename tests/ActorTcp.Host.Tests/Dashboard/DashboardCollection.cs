namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// The dashboard's tests share one browser and run alone: the meter collector hears every
/// <c>ActorTcp</c> meter in the process, and a browser beside other socket tests on two cores would
/// only make every test slower.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Dashboard";
}
