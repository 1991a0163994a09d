using ActorTcp.Hocon.Tests.Support;

namespace ActorTcp.Hocon.Tests.Typed;

public sealed class TypedReadTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    public void Booleans_AcceptTheSixHoconSpellings(string written, bool expected)
    {
        var config = TestHocon.Parse("b = " + written);

        Assert.Equal(expected, config.GetBoolean("b"));
    }

    [Fact]
    public void Boolean_OtherSpellings_AreRejected()
    {
        var config = TestHocon.Parse("b = maybe");

        var error = Assert.Throws<HoconValueException>(() => config.GetBoolean("b"));

        Assert.Equal("test.conf:1:5: b: expected a boolean (true/false, yes/no or on/off), got \"maybe\"", error.Message);
    }

    [Fact]
    public void Numbers_ConvertFromStringsAndToStrings()
    {
        var config = TestHocon.Parse("a = \"57\"\nb = 42\nc = .33\nd = 1e3\ne = 2.0");

        Assert.Equal(57, config.GetInt("a"));
        Assert.Equal("42", config.GetString("b"));
        Assert.Equal(0.33, config.GetDouble("c"), 10);
        Assert.Equal(1000L, config.GetLong("d"));
        Assert.Equal(2, config.GetInt("e"));
    }

    [Fact]
    public void Int_OutOfRangeOrFractional_IsRejected()
    {
        var config = TestHocon.Parse("a = 3000000000\nb = 1.5");

        Assert.Contains("expected a whole number between", Assert.Throws<HoconValueException>(() => config.GetInt("a")).Message, StringComparison.Ordinal);
        Assert.Contains("got 1.5", Assert.Throws<HoconValueException>(() => config.GetInt("b")).Message, StringComparison.Ordinal);
        Assert.Equal(3000000000L, config.GetLong("a"));
    }

    [Fact]
    public void Null_IsNotConvertedToAnything()
    {
        var config = TestHocon.Parse("n = null");

        var error = Assert.Throws<HoconValueException>(() => config.GetString("n"));

        Assert.Equal("test.conf:1:5: n: expected a string, got null", error.Message);
        Assert.False(config.HasPath("n"));
        Assert.NotNull(config.GetValue("n"));
    }

    [Fact]
    public void MissingPath_NamesTheFullPath()
    {
        var config = TestHocon.Parse("a { b { c = 1 } }");

        var error = Assert.Throws<HoconValueException>(() => config.GetConfig("a").GetInt("b.d"));

        Assert.Equal("test.conf:1:7: a.b.d: expected a whole number between -2147483648 and 2147483647, but the configuration has no value here", error.Message);
    }

    [Fact]
    public void ObjectsAndLists_AreNotStrings()
    {
        var config = TestHocon.Parse("o { a = 1 }\nl = [1]");

        Assert.EndsWith("expected a string, got an object", Assert.Throws<HoconValueException>(() => config.GetString("o")).Message, StringComparison.Ordinal);
        Assert.EndsWith("expected a string, got a list", Assert.Throws<HoconValueException>(() => config.GetString("l")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumericallyKeyedObject_ReadsAsAListInKeyOrder()
    {
        var config = TestHocon.Parse("l { 2 = c, 0 = a, 10 = d, 1 = b, x = ignored }\ne {}");

        Assert.Equal(["a", "b", "c", "d"], config.GetStringList("l"));
        Assert.Contains("expected a list, got an object", Assert.Throws<HoconValueException>(() => config.GetList("e")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedLists_ReadEachElementAndNameTheFailingIndex()
    {
        var config = TestHocon.Parse("d = [1s, 2 m, 500]\nb = [1K, 2MB]\nbad = [1s, soon]");

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500)], config.GetDurationList("d"));
        Assert.Equal([1024L, 2_000_000L], config.GetBytesList("b"));
        var error = Assert.Throws<HoconValueException>(() => config.GetDurationList("bad"));
        Assert.StartsWith("test.conf:3:12: bad.1: expected a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetConfig_ReadsRelativePathsAndKeepsOrigins()
    {
        var config = TestHocon.Parse("akka.io.tcp { register-timeout = 5s }");

        var tcp = config.GetConfig("akka.io.tcp");

        Assert.Equal(TimeSpan.FromSeconds(5), tcp.GetDuration("register-timeout"));
        Assert.Equal(1, tcp.GetValue("register-timeout")!.Origin.Line);
    }

    [Fact]
    public void QuotedPathKeys_ReachKeysWithDots()
    {
        var config = TestHocon.Parse("\"a.b\" { c = 1 }");

        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.False(config.HasPath("a.b.c"));
    }
}
