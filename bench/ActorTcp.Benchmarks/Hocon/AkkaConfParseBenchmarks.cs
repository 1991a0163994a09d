using ActorTcp.Hocon;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Hocon;

/// <summary>
/// Parses and resolves Akka.NET's reference akka.conf (1,180 lines, three substitutions), the budget being
/// 2 ms and 2 MB per parse. The file comes from the shared corpus beside the repository.
/// </summary>
[MemoryDiagnoser]
public class AkkaConfParseBenchmarks
{
    private static readonly HoconParseOptions _options = new() { SourceName = "akka.conf", EnvironmentLookup = null };

    private string _text = string.Empty;
    private string _path = string.Empty;

    [GlobalSetup]
    public void LoadFile()
    {
        _path = FindAkkaConf();
        _text = File.ReadAllText(_path);
    }

    [Benchmark(Baseline = true)]
    public HoconConfig ParseAndResolveText() => HoconConfig.Parse(_text, _options);

    [Benchmark]
    public HoconConfig ParseAndResolveFile() => HoconConfig.ParseFile(_path, _options);

    // BenchmarkDotNet runs from a generated folder under bin/, so the repository root is found by walking up.
    private static string FindAkkaConf()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorTcp.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No ActorTcp.sln above {AppContext.BaseDirectory}.");
        }

        return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "hocon-corpus", "akka.net", "src", "core", "Akka", "Configuration", "akka.conf"));
    }
}
