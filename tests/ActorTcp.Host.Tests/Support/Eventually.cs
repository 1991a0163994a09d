namespace ActorTcp.Host.Tests.Support;

/// <summary>Polls a condition that a child process will make true, with a generous bound.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}");
            }

            await Task.Delay(50);
        }
    }
}
