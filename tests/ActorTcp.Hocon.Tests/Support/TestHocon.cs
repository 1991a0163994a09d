namespace ActorTcp.Hocon.Tests.Support;

/// <summary>Shorthands for tests: parse text without the process environment.</summary>
public static class TestHocon
{
    public static HoconParseOptions NoEnvironment { get; } = new() { EnvironmentLookup = null, SourceName = "test.conf" };

    public static HoconConfig Parse(string text) => HoconConfig.Parse(text, NoEnvironment);

    public static HoconConfig Parse(string text, IReadOnlyDictionary<string, string> environment) =>
        HoconConfig.Parse(text, new HoconParseOptions
        {
            SourceName = "test.conf",
            EnvironmentLookup = name => environment.TryGetValue(name, out var value) ? value : null,
        });

    public static TException Fails<TException>(string text)
        where TException : HoconException => Assert.Throws<TException>(() => Parse(text));
}
