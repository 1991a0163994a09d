using ActorTcp.Hocon.Tests.Support;

namespace ActorTcp.Hocon.Tests.Resolution;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_LooksForwardToTheFinalValue()
    {
        var config = TestHocon.Parse("a = ${b}\nb = 1\nb = 2\nc = ${d.e}\nd { e = x }\nd { e = y }");

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal("y", config.GetString("c"));
    }

    [Fact]
    public void Substitution_KeepsTheTypeWhenAlone_AndConcatenatesAsStringOtherwise()
    {
        var config = TestHocon.Parse("host = example.org\nport = 8080\nurl = \"http://\"${host}\":\"${port}/x\nsame = ${port}\ngreeting = hi ${host} .");

        Assert.Equal("http://example.org:8080/x", config.GetString("url"));
        Assert.Equal(Values.HoconValueType.Number, config.GetValue("same")!.Type);
        Assert.Equal("hi example.org .", config.GetString("greeting"));
    }

    [Fact]
    public void ObjectInheritance_MergesTheReferencedObject()
    {
        var config = TestHocon.Parse("generic = { size = 6, name = generic }\neast = ${generic} { name = east }");

        Assert.Equal(6, config.GetInt("east.size"));
        Assert.Equal("east", config.GetString("east.name"));
        Assert.Equal("generic", config.GetString("generic.name"));
    }

    [Fact]
    public void SelfReference_SeesThePreviousValue()
    {
        var config = TestHocon.Parse("""
            path = [ /bin ]
            path = ${path} [ /usr/bin ]
            s = "a:b:c"
            s = ${s}":d"
            o = { a = 1 }
            o = ${o} { b = 2 }
            """);

        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("path"));
        Assert.Equal("a:b:c:d", config.GetString("s"));
        Assert.Equal(1, config.GetInt("o.a"));
        Assert.Equal(2, config.GetInt("o.b"));
    }

    [Fact]
    public void RepeatedSelfReference_ChainsThroughEachEarlierValue()
    {
        var config = TestHocon.Parse("a = 1\na = ${a}2\na = ${a}3");

        Assert.Equal("123", config.GetString("a"));
    }

    [Fact]
    public void OptionalSelfReference_WithoutEarlierValue_IsEmpty()
    {
        var config = TestHocon.Parse("a = ${?a}foo\nb = ${?b}");

        Assert.Equal("foo", config.GetString("a"));
        Assert.False(config.HasPath("b"));
        Assert.Null(config.GetValue("b"));
    }

    [Fact]
    public void SelfReferenceThroughAPath_LooksBelowTheCurrentDefinition()
    {
        var config = TestHocon.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    [Fact]
    public void ObjectReferringIntoItself_IsNotACycle()
    {
        var config = TestHocon.Parse("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void MutuallyReferringObjects_Resolve()
    {
        var config = TestHocon.Parse("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void PlusEquals_AppendsAndStartsAListWhenNothingCameBefore()
    {
        var config = TestHocon.Parse("a = [1]\na += 2\nb += x\nc { d += 1 \n d += 2 }");

        Assert.Equal(["1", "2"], config.GetStringList("a"));
        Assert.Equal(["x"], config.GetStringList("b"));
        Assert.Equal(["1", "2"], config.GetStringList("c.d"));
    }

    [Fact]
    public void HiddenSubstitution_IsNeverEvaluated()
    {
        var config = TestHocon.Parse("foo : ${does-not-exist}\nfoo : 42\nbar : ${bar}\nbar : 1");

        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(1, config.GetInt("bar"));
    }

    [Fact]
    public void OptionalMissing_InArraysAndOverrides_DisappearsOrKeepsTheEarlierValue()
    {
        var config = TestHocon.Parse("a = [1, ${?nope}, 3]\nb = keep\nb = ${?nope}\nc = x${?nope}y");

        Assert.Equal(["1", "3"], config.GetStringList("a"));
        Assert.Equal("keep", config.GetString("b"));
        Assert.Equal("xy", config.GetString("c"));
    }

    [Fact]
    public void Null_IsAValueAndBlocksTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/x" };

        var config = TestHocon.Parse("HOME = null\nh = ${HOME}\nn = null\nm = ${n}", environment);

        Assert.Equal(Values.HoconValueType.Null, config.GetValue("h")!.Type);
        Assert.Equal(Values.HoconValueType.Null, config.GetValue("m")!.Type);
    }

    [Fact]
    public void Environment_IsTheFallbackForMissingPaths()
    {
        var environment = new Dictionary<string, string> { ["SECRET"] = "s3cret", ["PORT"] = "9000" };

        var config = TestHocon.Parse("a = ${SECRET}\nb = ${?PORT}\nc = ${?UNSET}\nd = x\nd = ${?UNSET}", environment);

        Assert.Equal("s3cret", config.GetString("a"));
        Assert.Equal(9000, config.GetInt("b"));
        Assert.False(config.HasPath("c"));
        Assert.Equal("x", config.GetString("d"));
        Assert.Equal("environment variable SECRET", config.GetValue("a")!.Origin.Source);
    }

    [Fact]
    public void Environment_IsNotConsultedWhenDisabled()
    {
        var error = TestHocon.Fails<HoconResolveException>("a {\n  b = ${PATH}\n}");

        Assert.Equal("test.conf:2:7: a.b: expected a value at ${PATH}, but the configuration has none", error.Message);
    }

    [Fact]
    public void MissingRequiredSubstitution_NamesFileLinePathAndTarget()
    {
        var error = Assert.Throws<HoconResolveException>(() =>
            HoconConfig.Parse("x {\n  y = ${nowhere.to.be.found}\n}", new HoconParseOptions { SourceName = "app.conf", EnvironmentLookup = _ => null }));

        Assert.Equal("app.conf:2:7: x.y: expected a value at ${nowhere.to.be.found}, but neither the configuration nor the environment has one", error.Message);
    }

    [Fact]
    public void SelfReferenceWithoutEarlierValue_IsAnError()
    {
        var error = TestHocon.Fails<HoconResolveException>("foo : ${foo}");

        Assert.Equal("test.conf:1:7: foo: expected an earlier value for ${foo}, which refers to the field being defined, but there is none", error.Message);
    }

    [Fact]
    public void SubstitutionCycle_IsReportedWithItsPath()
    {
        var error = TestHocon.Fails<HoconResolveException>("a : ${b}\nb : ${c}\nc : ${a}");

        Assert.Contains("expected substitutions without a cycle, got a cycle a -> b -> c -> a", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a : { b : ${a} }")]
    [InlineData("a : [ ${a} ]")]
    [InlineData("a = [${b}]\nb = [${a}]")]
    public void ReferenceToAnEnclosingValue_IsACycle(string text)
    {
        var error = TestHocon.Fails<HoconResolveException>(text);

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalCycle_IsTreatedAsMissing()
    {
        var config = TestHocon.Parse("a : ${?b}\nb : ${?a}\nc = 1");

        Assert.False(config.HasPath("a"));
        Assert.False(config.HasPath("b"));
    }

    [Fact]
    public void MixingObjectsAndStrings_InAConcatenation_IsAnError()
    {
        var error = TestHocon.Fails<HoconResolveException>("o = { a = 1 }\ns = ${o} text");

        Assert.Contains("s: expected values of one kind in a concatenation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnresolvedConcatenationOfObjects_IgnoresUnquotedWhitespace()
    {
        var config = TestHocon.Parse("a = { x = 1 }\nb = { y = 2 }\nc = ${a} ${b}");

        Assert.Equal(1, config.GetInt("c.x"));
        Assert.Equal(2, config.GetInt("c.y"));
    }

    [Fact]
    public void SubstitutionResolvingToObject_IsResolvedDeeply()
    {
        var config = TestHocon.Parse("a = { x = ${v}, y = [${v}] }\nv = 7\nb = ${a}");

        Assert.Equal(7, config.GetInt("b.x"));
        Assert.Equal(["7"], config.GetStringList("b.y"));
    }

    [Fact]
    public void NumericallyKeyedObject_ConcatenatedWithAList_IsTreatedAsAList()
    {
        var config = TestHocon.Parse("numbered { 1 = b, 0 = a }\nappended = ${numbered} [c]\nprepended = [z] ${numbered}");

        Assert.Equal(["a", "b", "c"], config.GetStringList("appended"));
        Assert.Equal(["z", "a", "b"], config.GetStringList("prepended"));
    }

    [Fact]
    public void CrossReferencingOverrides_ResolveToTheSameValue()
    {
        var config = TestHocon.Parse("a : 1\nb : 2\na : ${b}\nb : ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }
}
