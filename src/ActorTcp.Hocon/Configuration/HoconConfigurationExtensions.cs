using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hocon.Configuration;

/// <summary>Adds HOCON files and text to an <see cref="IConfigurationBuilder"/>.</summary>
/// <example>
/// <code>
/// var configuration = new ConfigurationBuilder()
///     .AddHoconFile("actortcp.conf", optional: false, reloadOnChange: true)
///     .Build();
/// string? interval = configuration["actortcp:heartbeat:interval"];
/// </code>
/// </example>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a required HOCON file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's base path or absolute.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path) =>
        builder.AddHoconFile(path, optional: false, reloadOnChange: false);

    /// <summary>Adds a HOCON file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's base path or absolute.</param>
    /// <param name="optional">Whether a missing file is allowed.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional) =>
        builder.AddHoconFile(path, optional, reloadOnChange: false);

    /// <summary>Adds a HOCON file, optionally reloaded when it changes on disk.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's base path or absolute.</param>
    /// <param name="optional">Whether a missing file is allowed.</param>
    /// <param name="reloadOnChange">Whether to reload when the file changes (files it includes are not watched).</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file configured by <paramref name="configureSource"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureSource">Sets the path, file provider, optionality and reload behaviour.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, Action<HoconConfigurationSource> configureSource) =>
        builder.Add(configureSource);

    /// <summary>Adds HOCON text held in memory; relative includes in it resolve against the current directory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON document.</param>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(new HoconStringConfigurationSource(text));
    }

    /// <summary>
    /// Adds HOCON text held in memory under a name of its own, which origins and error messages use in
    /// place of <c>(string)</c> (e.g. <c>defaults.conf:12:3: ...</c>); relative includes resolve against
    /// the current directory.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON document.</param>
    /// <param name="sourceName">The name the text goes by, such as the resource it was read from.</param>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return builder.Add(new HoconStringConfigurationSource(text, sourceName));
    }
}
