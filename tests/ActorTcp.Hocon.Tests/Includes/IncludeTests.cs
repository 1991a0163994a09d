using ActorTcp.Hocon.Tests.Support;

namespace ActorTcp.Hocon.Tests.Includes;

public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Include_IsRelativeToTheIncludingFile_NotTheWorkingDirectory()
    {
        _files.Write("conf/sub/inner.conf", "inner = 2\ninclude \"deeper/leaf.conf\"");
        _files.Write("conf/sub/deeper/leaf.conf", "leaf = 3");
        var main = _files.Write("conf/main.conf", "outer = 1\ninclude \"sub/inner.conf\"");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal(1, config.GetInt("outer"));
        Assert.Equal(2, config.GetInt("inner"));
        Assert.Equal(3, config.GetInt("leaf"));
    }

    [Fact]
    public void IncludeInsideAnObject_NestsTheFileAndFixesUpItsSubstitutions()
    {
        _files.Write("foo.conf", "x = 10\ny = ${x}\nz = ${top}");
        var main = _files.Write("main.conf", "top = t\na { include \"foo.conf\" }\na { x = 42 }");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal("t", config.GetString("a.z"));
    }

    [Fact]
    public void IncludedKeys_MergeWithKeysBeforeAndAreOverriddenByKeysAfter()
    {
        _files.Write("defaults.conf", "a { x = 1, y = 1 }\nb = included");
        var main = _files.Write("main.conf", "a { x = 0, w = 0 }\ninclude \"defaults.conf\"\nb = mine");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(0, config.GetInt("a.w"));
        Assert.Equal(1, config.GetInt("a.y"));
        Assert.Equal("mine", config.GetString("b"));
    }

    [Fact]
    public void FileAndRequiredForms_AreHonoured()
    {
        _files.Write("a.conf", "a = 1");
        _files.Write("b.conf", "b = 2");
        var main = _files.Write("main.conf", "include file(\"a.conf\")\ninclude required( file( \"b.conf\" ) )\ninclude \"missing.conf\"");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void MissingRequiredInclude_IsAnErrorNamingTheStatement()
    {
        var main = _files.Write("main.conf", "x {\n  include required(\"nope.conf\")\n}");

        var error = Assert.Throws<HoconIncludeException>(() => HoconConfig.ParseFile(main, TestHocon.NoEnvironment));

        Assert.StartsWith($"{main}:2:3: x: expected the required include \"nope.conf\" to exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionlessInclude_MergesPropertiesThenJsonThenConf()
    {
        _files.Write("base.properties", "p = fromProperties\nshared = properties\nlist.0 = a\nlist.1 = b");
        _files.Write("base.json", "{ \"j\": 1, \"shared\": \"json\" }");
        _files.Write("base.conf", "c = 2\nshared = conf");
        var main = _files.Write("main.conf", "include \"base\"");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal("fromProperties", config.GetString("p"));
        Assert.Equal(1, config.GetInt("j"));
        Assert.Equal(2, config.GetInt("c"));
        Assert.Equal("conf", config.GetString("shared"));
        Assert.Equal(["a", "b"], config.GetStringList("list"));
    }

    [Fact]
    public void PropertiesFiles_KeepValuesAsStringsAndLetObjectsWin()
    {
        _files.Write("p.properties", "# comment\n! also a comment\na=hello\na.b=world\nnum : 42\nspaced   value with spaces\nescaped=line\\\n  continued\\tx\n");
        var main = _files.Write("main.conf", "include \"p.properties\"");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal("world", config.GetString("a.b"));
        Assert.Equal(Values.HoconValueType.String, config.GetValue("num")!.Type);
        Assert.Equal(42, config.GetInt("num"));
        Assert.Equal("value with spaces", config.GetString("spaced"));
        Assert.Equal("linecontinued\tx", config.GetString("escaped"));
    }

    [Fact]
    public void IncludeCycle_IsAnErrorNamingTheChain()
    {
        _files.Write("a.conf", "include \"b.conf\"");
        _files.Write("b.conf", "x = 1\ninclude \"a.conf\"");
        var main = Path.Combine(_files.Path, "a.conf");

        var error = Assert.Throws<HoconIncludeException>(() => HoconConfig.ParseFile(main, TestHocon.NoEnvironment));

        Assert.Contains("b.conf:2:1: expected includes without a cycle, got an include cycle: a.conf includes b.conf includes a.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameFileIncludedTwice_WithoutCycle_IsAllowed()
    {
        _files.Write("common.conf", "c = 1");
        var main = _files.Write("main.conf", "x { include \"common.conf\" }\ny { include \"common.conf\" }");

        var config = HoconConfig.ParseFile(main, TestHocon.NoEnvironment);

        Assert.Equal(1, config.GetInt("x.c"));
        Assert.Equal(1, config.GetInt("y.c"));
    }

    [Theory]
    [InlineData("include url(\"http://example.com/a.conf\")")]
    [InlineData("include classpath(\"a.conf\")")]
    [InlineData("include \"https://example.com/a.conf\"")]
    public void UrlAndClasspathIncludes_AreRejectedClearly(string statement)
    {
        var error = Assert.Throws<HoconIncludeException>(() => TestHocon.Parse(statement));

        Assert.Contains("url(…), classpath(…) and web URLs are not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include foo.conf")]
    [InlineData("include : 1")]
    [InlineData("include file(foo.conf)")]
    [InlineData("include required(required(\"a\"))")]
    public void MalformedIncludes_AreParseErrors(string statement)
    {
        var error = Assert.Throws<HoconParseException>(() => TestHocon.Parse(statement));

        Assert.StartsWith("test.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedFileWithASyntaxError_ReportsTheIncludedFile()
    {
        var broken = _files.Write("broken.conf", "a = [1, 2");
        var main = _files.Write("main.conf", "include \"broken.conf\"");

        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(main, TestHocon.NoEnvironment));

        Assert.StartsWith($"{broken}:1:10: a: expected ',', a newline or ']'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsedText_ResolvesIncludesAgainstTheBaseDirectory()
    {
        _files.Write("x.conf", "x = 1");

        var config = HoconConfig.Parse("include \"x.conf\"", new HoconParseOptions { BaseDirectory = _files.Path, EnvironmentLookup = null });

        Assert.Equal(1, config.GetInt("x"));
    }

    [Fact]
    public void IncludeKeyword_IsOrdinaryTextElsewhere()
    {
        var config = TestHocon.Parse("a = include\nb = [include]\n\"include\" = 42\nincludes = 1");

        Assert.Equal("include", config.GetString("a"));
        Assert.Equal(["include"], config.GetStringList("b"));
        Assert.Equal(42, config.GetInt("\"include\""));
        Assert.Equal(1, config.GetInt("includes"));
    }
}
