namespace ActorTcp.Actors.Tests.TestSupport;

/// <summary>Polls a condition that an asynchronous actor event will make true, with a generous bound.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Probe.DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}");
            }

            await Task.Delay(5);
        }
    }
}
