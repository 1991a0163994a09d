using ActorTcp.Hocon.Configuration;
using ActorTcp.Hocon.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Tests.Configuration;

public sealed class HoconOriginsTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void FileProvider_SaysWhereEachKeyWasWritten()
    {
        var path = _files.Write("app.conf", "actortcp {\n  heartbeat {\n    interval = banana\n  }\n  hosts = [a, b]\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();
        var origins = Assert.IsAssignableFrom<IHoconOrigins>(configuration.Providers.Single());

        Assert.True(origins.TryGetOrigin("actortcp:heartbeat:interval", out var interval));
        Assert.Equal($"{path}:3:16", interval.ToString());
        Assert.True(origins.TryGetOrigin("ACTORTCP:HOSTS:1", out var second));
        Assert.Equal(5, second.Line);
        Assert.False(origins.TryGetOrigin("actortcp:heartbeat:timeout", out _));
    }

    [Fact]
    public void IncludedFile_IsTheOriginOfTheKeysItWrites()
    {
        _files.Write("defaults.conf", "port = 7000\n");
        var path = _files.Write("app.conf", "listen {\n  include \"defaults.conf\"\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.True(((IHoconOrigins)configuration.Providers.Single()).TryGetOrigin("listen:port", out var origin));
        Assert.EndsWith("defaults.conf", origin.Source, StringComparison.Ordinal);
        Assert.Equal(1, origin.Line);
    }

    [Fact]
    public void NamedString_GoesByItsNameInOriginsAndErrors()
    {
        var configuration = new ConfigurationBuilder().AddHoconString("a {\n  b = 1\n}", "defaults.conf (built in)").Build();

        Assert.True(((IHoconOrigins)configuration.Providers.Single()).TryGetOrigin("a:b", out var origin));
        Assert.Equal("defaults.conf (built in):2:7", origin.ToString());
        var error = Assert.Throws<HoconParseException>(() => new ConfigurationBuilder().AddHoconString("a {", "defaults.conf (built in)").Build());
        Assert.StartsWith("defaults.conf (built in):1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnnamedString_GoesByString()
    {
        var configuration = new ConfigurationBuilder().AddHoconString("a = 1").Build();

        Assert.True(((IHoconOrigins)configuration.Providers.Single()).TryGetOrigin("a", out var origin));
        Assert.Equal("(string)", origin.Source);
    }
}
