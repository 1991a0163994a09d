using ActorTcp.Hocon.Tests.Support;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Tests.Conformance;

public sealed class LightbendFixtureTests
{
    private static string Fixture(string name) => Path.Combine(Corpus.Lightbend, name);

    [CorpusFact]
    public void FileIncludingItself_FailsWithAnIncludeCycle()
    {
        var error = Assert.Throws<HoconIncludeException>(() => HoconConfig.ParseFile(Fixture("cycle.conf"), TestHocon.NoEnvironment));

        Assert.Contains("cycle.conf:1:1: expected includes without a cycle, got an include cycle: cycle.conf includes cycle.conf", error.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Test01_DurationsReadAsTheSpecSays()
    {
        var config = HoconConfig.ParseFile(Fixture("test01.conf"), TestHocon.NoEnvironment);

        Assert.Equal(TimeSpan.FromSeconds(1), config.GetDuration("durations.second"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)], config.GetDurationList("durations.secondsList"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetDuration("durations.secondAsNumber"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetDuration("durations.halfSecond"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), config.GetDuration("durations.millis"));
        Assert.Equal(TimeSpan.FromMilliseconds(2), config.GetDuration("durations.micros"));
        Assert.Equal(TimeSpan.FromTicks(4878955355435272204 / 100), config.GetDuration("durations.largeNanos"));
        Assert.Equal(TimeSpan.FromTicks(4878955355435272204 / 100), config.GetDuration("durations.plusLargeNanos"));
        Assert.Equal(TimeSpan.FromTicks(-4878955355435272204 / 100), config.GetDuration("durations.minusLargeNanos"));
        Assert.Equal(TimeSpan.FromDays(1), config.GetDuration("periods.day"));
    }

    [CorpusFact]
    public void Test01_SizesReadAsTheSpecSays()
    {
        var config = HoconConfig.ParseFile(Fixture("test01.conf"), TestHocon.NoEnvironment);

        Assert.Equal(1024 * 1024, config.GetBytes("memsizes.meg"));
        Assert.Equal([1024 * 1024, 1024 * 1024, 1024 * 1024], config.GetBytesList("memsizes.megsList"));
        Assert.Equal(1024 * 1024, config.GetBytes("memsizes.megAsNumber"));
        Assert.Equal(512 * 1024, config.GetBytes("memsizes.halfMeg"));
        Assert.Contains("that fits a 64-bit count, got \"1YB\"", Assert.Throws<HoconValueException>(() => config.GetBytes("memsizes.yottabyte")).Message, StringComparison.Ordinal);
        Assert.Throws<HoconValueException>(() => config.GetBytesList("memsizes.yottabyteList"));
    }

    [CorpusFact]
    public void Test01_OtherValuesResolve()
    {
        var config = HoconConfig.ParseFile(Fixture("test01.conf"), TestHocon.NoEnvironment);

        Assert.Equal(42, config.GetInt("ints.fortyTwoAgain"));
        Assert.Equal(0.33, config.GetDouble("floats.pointThirtyThreeAgain"), 10);
        Assert.Equal("abcd", config.GetString("strings.abcdAgain"));
        Assert.Equal("null bar 42 baz true 3.14 hi", config.GetString("strings.concatenated"));
        Assert.True(config.GetBoolean("strings.yes"));
        Assert.Equal(3, config.GetList("arrays.ofArray").Count);
        var ints = Assert.IsType<HoconObject>(config.GetList("arrays.ofObject")[0]);
        Assert.Equal("42", ints["fortyTwo"].ToString());
        Assert.False(config.HasPath("system.home"));
        Assert.Equal("Your Java version is  and your user.home is ", config.GetString("system.concatenated"));
    }

    [CorpusFact]
    public void BomFile_TreatsTheByteOrderMarkAsWhitespace()
    {
        var config = HoconConfig.ParseFile(Fixture("bom.conf"), TestHocon.NoEnvironment);

        Assert.Equal("bar", config.GetString("foo"));
    }

    [CorpusFact]
    public void EnvironmentVariables_OverrideEarlierValuesAndFillLists()
    {
        var environment = new Dictionary<string, string> { ["SECRET_A"] = "A", ["SECRET_B"] = "B", ["SECRET_C"] = "C" };
        var withEnvironment = new HoconParseOptions { EnvironmentLookup = name => environment.GetValueOrDefault(name) };

        var set = HoconConfig.ParseFile(Fixture("env-variables.conf"), withEnvironment);
        var unset = HoconConfig.ParseFile(Fixture("env-variables.conf"), TestHocon.NoEnvironment);

        Assert.Equal("A", set.GetString("secret"));
        Assert.Equal(["B", "C"], set.GetStringList("secrets"));
        Assert.Equal("a", unset.GetString("secret"));
        Assert.Empty(unset.GetStringList("secrets"));
    }

    [CorpusFact]
    public void FileIncludes_AreRelativeToTheIncludingFile()
    {
        // Unlike the reference implementation (lightbend/config#202), file("…") is also found next to the
        // including file, because resolving against the working directory would depend on where the host starts.
        var config = HoconConfig.ParseFile(Fixture("file-include.conf"), TestHocon.NoEnvironment);

        Assert.Equal(41, config.GetInt("base"));
        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(43, config.GetInt("bar"));
        Assert.Equal(44, config.GetInt("bar-file"));
        Assert.Equal(45, config.GetInt("baz"));
    }

    [CorpusTheory]
    [InlineData("test02.conf")]
    [InlineData("test03.conf")]
    [InlineData("test04.conf")]
    [InlineData("test06.conf")]
    [InlineData("test09.conf")]
    [InlineData("test10.conf")]
    public void OtherFixtures_ParseAndResolve(string name)
    {
        var config = HoconConfig.ParseFile(Fixture(name), TestHocon.NoEnvironment);

        Assert.NotEmpty(config.Root);
    }
}
