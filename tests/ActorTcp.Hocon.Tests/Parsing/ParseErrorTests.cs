using ActorTcp.Hocon.Tests.Support;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Tests.Parsing;

public sealed class ParseErrorTests
{
    [Fact]
    public void MissingValue_NamesFileLineColumnPathAndExpectation()
    {
        var text = "akka {\n  io {\n    tcp.timeout = \n  }\n}";

        var error = TestHocon.Fails<HoconParseException>(text);

        Assert.Equal("test.conf:4:3: akka.io.tcp.timeout: expected a value after the key, got '}'", error.Message);
        Assert.Equal(new HoconOrigin("test.conf", 4, 3), error.Origin);
        Assert.Equal("akka.io.tcp.timeout", error.Path);
    }

    [Fact]
    public void MissingSeparator_SaysWhatWasExpected()
    {
        var error = TestHocon.Fails<HoconParseException>("a {\n  b = 1\n  c ]\n}");

        Assert.Equal("test.conf:3:5: a.c: expected ':', '=', '+=' or '{' after the key, got ']'", error.Message);
    }

    [Fact]
    public void UnclosedObject_IsReportedAtTheEnd()
    {
        var error = TestHocon.Fails<HoconParseException>("a {\n  b = 1\n");

        Assert.StartsWith("test.conf:3:1: a: expected '}' to close the object, got the end of the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrayClosingBrace_WithoutRootBraces_IsAnError()
    {
        var error = TestHocon.Fails<HoconParseException>("a = 1\n}");

        Assert.Equal("test.conf:2:1: found a '}' that closes nothing (the root object has no opening '{')", error.Message);
    }

    [Fact]
    public void UnterminatedQuotedString_NamesWhereItStarts()
    {
        var error = TestHocon.Fails<HoconParseException>("a {\n  b = \"abc\n}");

        Assert.StartsWith("test.conf:2:7: a.b: expected a closing '\"' before the end of the line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEscape_IsAnError()
    {
        var error = TestHocon.Fails<HoconParseException>("a = \"\\q\"");

        Assert.Contains("'\\q' is not a JSON escape", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void EmptyPathElements_AreErrors(string text)
    {
        var error = TestHocon.Fails<HoconParseException>(text);

        Assert.Contains("without empty parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoneDollar_OrPlus_AreErrors()
    {
        Assert.Contains("'${'", TestHocon.Fails<HoconParseException>("a = $x").Message, StringComparison.Ordinal);
        Assert.Contains("'+='", TestHocon.Fails<HoconParseException>("a = 1+2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAfterRootObject_IsAnError()
    {
        var error = TestHocon.Fails<HoconParseException>("{ a = 1 }\nb = 2");

        Assert.StartsWith("test.conf:2:1: expected the end of the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesOnOneLineWithoutComma_InAnObject_AreAnError()
    {
        var error = TestHocon.Fails<HoconParseException>("a { b = 1 } c = 2");

        Assert.Contains("test.conf:1:15: expected ',' or a newline between fields, got '='", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_IsAnErrorInsteadOfAStackOverflow()
    {
        var text = "a = " + new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<HoconParseException>(() => TestHocon.Parse(text));

        Assert.Equal("test.conf:1:261: a: expected at most 256 levels of nested objects and lists", error.Message);
    }

    [Fact]
    public void ModerateNesting_IsFine()
    {
        var config = TestHocon.Parse("a = " + new string('[', 200) + "1" + new string(']', 200));

        Assert.Single(config.GetList("a"));
    }
}
