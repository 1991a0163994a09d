using ActorTcp.Hocon.Configuration;
using ActorTcp.Hocon.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace ActorTcp.Hocon.Tests.Configuration;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void HoconString_FlattensToColonSeparatedKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("actortcp { listen { port = 7000, hosts = [a, b] }, tcp.no-delay = on, ratio = 1e3 }")
            .Build();

        Assert.Equal("7000", configuration["actortcp:listen:port"]);
        Assert.Equal("a", configuration["actortcp:listen:hosts:0"]);
        Assert.Equal("b", configuration["actortcp:listen:hosts:1"]);
        Assert.Equal("on", configuration["actortcp:tcp:no-delay"]);
        Assert.Equal("1e3", configuration["actortcp:ratio"]);
        Assert.Equal(["a", "b"], configuration.GetSection("actortcp:listen:hosts").GetChildren().Select(c => c.Value));
    }

    [Fact]
    public void Nulls_AreKeptAsNullEntries()
    {
        var provider = Load("a = null\nb { }\nc = []");

        Assert.True(provider.TryGet("a", out var a));
        Assert.Null(a);
        Assert.True(provider.TryGet("b", out var b));
        Assert.Null(b);
        Assert.True(provider.TryGet("c", out var c));
        Assert.Null(c);
    }

    [Fact]
    public void KeysKeepTheirCase()
    {
        var provider = Load("Actor { MaxConnections = 10 }");

        Assert.Equal(["Actor"], provider.GetChildKeys([], null));
        Assert.Equal(["MaxConnections"], provider.GetChildKeys([], "Actor"));
    }

    [Fact]
    public void KeysDifferingOnlyByCase_AreAnErrorNamingBothSpellingsAndPositions()
    {
        var path = _files.Write("app.conf", "limits {\n  max-connections = 10\n  Max-Connections = 20\n}");

        var error = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        var hocon = Assert.IsType<HoconException>(error.InnerException);
        Assert.Equal(
            $"{path}:3:21: limits.Max-Connections: expected keys that differ by more than case (configuration keys ignore case), got \"max-connections\" at {path}:2:21 and \"Max-Connections\" at {path}:3:21",
            hocon.Message);
    }

    [Fact]
    public void HoconFile_FollowsIncludesRelativeToTheFile()
    {
        _files.Write("conf/parts/limits.conf", "limits { max-connections = 100 }");
        var path = _files.Write("conf/app.conf", "include \"parts/limits.conf\"\nlimits.max-frame = 64KiB");

        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.Equal("100", configuration["limits:max-connections"]);
        Assert.Equal("64KiB", configuration["limits:max-frame"]);
    }

    [Fact]
    public void RelativeHoconFile_IsFoundFromTheBasePath()
    {
        _files.Write("app.conf", "a = 1");

        var configuration = new ConfigurationBuilder().SetBasePath(_files.Path).AddHoconFile("app.conf").Build();

        Assert.Equal("1", configuration["a"]);
    }

    [Fact]
    public void OptionalMissingFile_YieldsNoKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Path.Combine(_files.Path, "absent.conf"), optional: true)
            .Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void RequiredMissingFile_IsAnError()
    {
        var path = Path.Combine(_files.Path, "absent.conf");

        var error = Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.Contains("absent.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFile_ThrowsWithFileLineAndKey_AndYieldsNoPartialData()
    {
        var path = _files.Write("bad.conf", "good = 1\nbroken {\n  value = [1, 2\n}");

        var error = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        var hocon = Assert.IsType<HoconParseException>(error.InnerException);
        Assert.Equal($"{path}:4:1: broken.value: expected a list element or ']', got '}}'", hocon.Message);
        var provider = new HoconConfigurationProvider(new HoconConfigurationSource { Path = "bad.conf", FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_files.Path) });
        Assert.ThrowsAny<HoconException>(() => provider.Load(File.OpenRead(path)));
        Assert.False(provider.TryGet("good", out _));
    }

    [Fact]
    public void UnresolvableSubstitution_FailsTheLoad()
    {
        var error = Assert.Throws<HoconResolveException>(() => new ConfigurationBuilder().AddHoconString("a = ${missing.key.nowhere}").Build());

        Assert.Contains("a: expected a value at ${missing.key.nowhere}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadOnChange_ReloadsTheFileAndRaisesTheChangeToken()
    {
        var path = _files.Write("live.conf", "heartbeat.interval = 30s");
        var configuration = new ConfigurationBuilder().AddHoconFile(path, optional: false, reloadOnChange: true).Build();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The watcher may see the truncation and the write as two changes, so wait for the reload that
        // carries the new content rather than for the first one.
        using var subscription = ChangeToken.OnChange(configuration.GetReloadToken, () =>
        {
            if (configuration["heartbeat:interval"] == "5s")
            {
                reloaded.TrySetResult();
            }
        });
        await File.WriteAllTextAsync(path, "heartbeat.interval = 5s");
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("5s", configuration["heartbeat:interval"]);
    }

    [Fact]
    public void EnvironmentLookup_OfTheSource_FeedsSubstitutions()
    {
        var path = _files.Write("env.conf", "listen.port = 7000\nlisten.port = ${?ACTORTCP_PORT}");

        var configuration = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.Path = Path.GetFileName(path);
                source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_files.Path);
                source.EnvironmentLookup = name => name == "ACTORTCP_PORT" ? "7100" : null;
            })
            .Build();

        Assert.Equal("7100", configuration["listen:port"]);
    }

    private HoconConfigurationProvider Load(string text)
    {
        var path = _files.Write("test.conf", text);
        var provider = new HoconConfigurationProvider(new HoconConfigurationSource
        {
            Path = Path.GetFileName(path),
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_files.Path),
        });
        provider.Load();
        return provider;
    }
}
