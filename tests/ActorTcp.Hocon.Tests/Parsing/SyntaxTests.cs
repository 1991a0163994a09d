using ActorTcp.Hocon.Tests.Support;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Tests.Parsing;

public sealed class SyntaxTests
{
    [Fact]
    public void JsonDocument_ReadsAsJson()
    {
        var config = TestHocon.Parse("""{ "a": { "b": [1, 2.5, "x", true, null] }, "c": -3e2 }""");

        var list = config.GetList("a.b");
        Assert.Equal(HoconValueType.Number, list[0].Type);
        Assert.Equal("2.5", list[1].ToString());
        Assert.Equal("x", list[2].ToString());
        Assert.Equal(HoconValueType.Boolean, list[3].Type);
        Assert.Equal(HoconValueType.Null, list[4].Type);
        Assert.Equal("-3e2", ((HoconNumber)config.GetValue("c")!).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  # only a comment\n")]
    [InlineData("{}")]
    public void EmptyDocument_IsAnEmptyObject(string text)
    {
        var config = TestHocon.Parse(text);

        Assert.Empty(config.Root);
    }

    [Fact]
    public void Comments_AreIgnoredOutsideStrings()
    {
        var config = TestHocon.Parse("""
            a = 1 // slash comment
            # hash comment
            b = "not // a comment # either"
            c = a//b
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("not // a comment # either", config.GetString("b"));
        Assert.Equal("a", config.GetString("c"));
    }

    [Fact]
    public void Separators_ColonEqualsAndOmittedBeforeBrace_AreEquivalent()
    {
        var config = TestHocon.Parse("a: 1\nb = 2\nc { d = 3 }\ne\n{ f = 4 }");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c.d"));
        Assert.Equal(4, config.GetInt("e.f"));
    }

    [Fact]
    public void Commas_AreOptionalBetweenLinesAndAllowedOnceAtTheEnd()
    {
        var config = TestHocon.Parse("a = [1, 2, 3,]\nb = [\n 1\n 2\n]\nc { x = 1, y = 2, }");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["1", "2"], config.GetStringList("b"));
        Assert.Equal(2, config.GetInt("c.y"));
    }

    [Theory]
    [InlineData("a = [1,,2]")]
    [InlineData("a = [,1]")]
    [InlineData("a = [1,2,,]")]
    [InlineData("a = 1,, b = 2")]
    [InlineData("{ , a = 1 }")]
    public void Commas_DoubledOrLeading_AreErrors(string text)
    {
        var error = TestHocon.Fails<HoconParseException>(text);

        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DottedKeys_ExpandIntoNestedObjectsAndMerge()
    {
        var config = TestHocon.Parse("a.b.c = 1\na.b.d = 2\na { e = 3 }\n\"x.y\".z = 4\na.\"\".f = 5");

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetInt("a.b.d"));
        Assert.Equal(3, config.GetInt("a.e"));
        Assert.Equal(4, config.GetInt("\"x.y\".z"));
        Assert.Equal(5, config.GetInt("a.\"\".f"));
    }

    [Fact]
    public void KeysOfNumbersAndBooleans_AreStringsAndNumbersSplitOnDots()
    {
        var config = TestHocon.Parse("true : 1\n3 : 2\n3.14 : 3\n10.0foo : 4");

        Assert.Equal(1, config.GetInt("\"true\""));
        Assert.Equal(3, config.GetInt("\"3\".\"14\""));
        Assert.Equal(4, config.GetInt("\"10\".\"0foo\""));
        Assert.False(config.Root.ContainsKey("3.14"));
    }

    [Fact]
    public void KeysWithSpaces_KeepInnerWhitespace()
    {
        var config = TestHocon.Parse("a b  c : 42\nfoo include : 1");

        Assert.Equal(42, config.GetInt("a b  c"));
        Assert.Equal(1, config.GetInt("foo include"));
    }

    [Fact]
    public void DuplicateKeys_MergeObjectsAndReplaceOtherValues()
    {
        var config = TestHocon.Parse("""
            foo { a = 42 }
            foo { b = 43 }
            bar { a = 42 }
            bar = null
            bar { b = 43 }
            n = 1
            n = 2
            """);

        Assert.Equal(42, config.GetInt("foo.a"));
        Assert.Equal(43, config.GetInt("foo.b"));
        Assert.False(config.HasPath("bar.a"));
        Assert.Equal(43, config.GetInt("bar.b"));
        Assert.Equal(2, config.GetInt("n"));
    }

    [Fact]
    public void UnquotedStrings_StopAtForbiddenCharactersAndKeepInnerWhitespace()
    {
        var config = TestHocon.Parse("a = foo bar  baz   \nb = /usr/bin\nc = hello.world-1_2\nd = truefoo\ne = 10.0bar\nf = 0123");

        Assert.Equal("foo bar  baz", config.GetString("a"));
        Assert.Equal("/usr/bin", config.GetString("b"));
        Assert.Equal("hello.world-1_2", config.GetString("c"));
        Assert.Equal("truefoo", config.GetString("d"));
        Assert.Equal(HoconValueType.String, config.GetValue("e")!.Type);
        Assert.Equal(HoconValueType.String, config.GetValue("f")!.Type);
    }

    [Theory]
    [InlineData("a = b`c", '`')]
    [InlineData("a = b^c", '^')]
    [InlineData("a = b?c", '?')]
    [InlineData("a = b!c", '!')]
    [InlineData("a = b@c", '@')]
    [InlineData("a = b*c", '*')]
    [InlineData("a = b&c", '&')]
    [InlineData("a = b\\c", '\\')]
    public void ReservedCharacters_OutsideQuotes_AreErrors(string text, char reserved)
    {
        var error = TestHocon.Fails<HoconParseException>(text);

        Assert.Contains($"'{reserved}' is reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedStrings_DecodeJsonEscapes()
    {
        var config = TestHocon.Parse("""a = "tab\there \"q\" \\ \/ \u00e9 \n end" """);

        Assert.Equal("tab\there \"q\" \\ / \u00e9 \n end", config.GetString("a"));
    }

    [Fact]
    public void TripleQuotedStrings_KeepNewlinesAndBackslashesAndExtraQuotes()
    {
        var config = TestHocon.Parse("a = \"\"\"line1\n  line2 \\n\"\"\"\nb = \"\"\"x\"\"\"\"\"");

        Assert.Equal("line1\n  line2 \\n", config.GetString("a"));
        Assert.Equal("x\"\"", config.GetString("b"));
    }

    [Fact]
    public void Numbers_KeepTheirTextForConcatenationAndKeys()
    {
        var config = TestHocon.Parse("a = 1e5\nb = 1e5 apples\nc = 1.50\nd = -0.5");

        Assert.Equal("1e5", ((HoconNumber)config.GetValue("a")!).Text);
        Assert.Equal(100000, config.GetLong("a"));
        Assert.Equal("1e5 apples", config.GetString("b"));
        Assert.Equal("1.50", config.GetString("c"));
        Assert.Equal(-0.5, config.GetDouble("d"));
    }

    [Fact]
    public void SimpleValueConcatenation_MakesOneStringAndSingleValuesKeepTheirType()
    {
        var config = TestHocon.Parse("a = null bar 42 \"baz\" true 3.14 hi\nb = true\nc = [ 1 2 3 ]\nd = \"a\"\"b\"");

        Assert.Equal("null bar 42 baz true 3.14 hi", config.GetString("a"));
        Assert.Equal(HoconValueType.Boolean, config.GetValue("b")!.Type);
        Assert.Equal(["1 2 3"], config.GetStringList("c"));
        Assert.Equal("ab", config.GetString("d"));
    }

    [Fact]
    public void ArrayAndObjectConcatenation_JoinsListsAndMergesObjects()
    {
        var config = TestHocon.Parse("a = [1, 2] [3, 4]\nb = { x = 1 } { y = 2 }\nc = [ [1, 2] [3, 4] ]\nd = [ [1, 2]\n [3, 4] ]");

        Assert.Equal(["1", "2", "3", "4"], config.GetStringList("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.Single(config.GetList("c"));
        Assert.Equal(2, config.GetList("d").Count);
    }

    [Fact]
    public void ByteOrderMarkAndUnicodeSpaces_AreWhitespace()
    {
        var config = TestHocon.Parse("\uFEFFa\u00A0=\u2007b\u202F\n");

        Assert.Equal("b", config.GetString("a"));
    }

    [Fact]
    public void Origins_RecordLineAndColumnOfEachValue()
    {
        var config = TestHocon.Parse("a {\n  b = 1\n    c = \"x\"\n}\nd = [\n true\n]");

        Assert.Equal(new HoconOrigin("test.conf", 2, 7), config.GetValue("a.b")!.Origin);
        Assert.Equal(new HoconOrigin("test.conf", 3, 9), config.GetValue("a.c")!.Origin);
        Assert.Equal(new HoconOrigin("test.conf", 6, 2), config.GetList("d")[0].Origin);
        Assert.Equal("test.conf:2:7", config.GetValue("a.b")!.Origin.ToString());
    }

    [Fact]
    public void RootArray_IsRejected()
    {
        var error = TestHocon.Fails<HoconParseException>("[1, 2]");

        Assert.Contains("expected an object at the root", error.Message, StringComparison.Ordinal);
    }
}
