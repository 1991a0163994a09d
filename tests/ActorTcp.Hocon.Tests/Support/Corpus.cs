namespace ActorTcp.Hocon.Tests.Support;

/// <summary>
/// Locates the shared HOCON fixtures at <c>../shared/hocon-corpus</c> relative to the repository root (the
/// folder holding ActorTcp.sln, found by walking up from the test assembly).
/// </summary>
public static class Corpus
{
    public static string Folder { get; } = FindFolder();

    public static bool IsAvailable => Directory.Exists(Folder);

    public static string Lightbend => Path.Combine(Require(), "lightbend-config", "config", "src", "test", "resources");

    public static string AkkaNet => Path.Combine(Require(), "akka.net");

    public static string AkkaConf => Path.Combine(AkkaNet, "src", "core", "Akka", "Configuration", "akka.conf");

    public static string? SkipReason() => SkipReason(Folder, IsAvailable, Environment.GetEnvironmentVariable("CI"));

    /// <summary>Corpus tests are skipped only locally: on CI a missing corpus must fail the build.</summary>
    public static string? SkipReason(string folder, bool exists, string? ci) =>
        exists || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The HOCON corpus folder {folder} is missing (it is required when CI=true).";

    private static string Require() =>
        IsAvailable ? Folder : throw new DirectoryNotFoundException($"The HOCON corpus folder {Folder} is missing.");

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorTcp.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException($"No ActorTcp.sln above {AppContext.BaseDirectory}.");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "hocon-corpus"));
    }
}
