using ActorTcp.Faults.Tests.Support;

namespace ActorTcp.Faults.Tests;

/// <summary>
/// The test runner loads this assembly without calling Main; a fault test that needs a server in a
/// process of its own starts the assembly with the argument <c>serve</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) =>
        args is [ChildServer.Verb, var port] ? await ChildServer.ServeAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)) : 1;
}
