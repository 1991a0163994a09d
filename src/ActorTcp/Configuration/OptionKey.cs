using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// Resolves an options property to its HOCON key through its <see cref="ConfigurationKeyNameAttribute"/>,
/// so the attribute is the one map between option and key, for binding and for error messages alike.
/// </summary>
internal static class OptionKey
{
    /// <summary>The root section every ActorTcp key lives under.</summary>
    public const string Root = "actortcp";

    /// <summary>The kebab-case key of <paramref name="property"/> on <typeparamref name="T"/>.</summary>
    public static string Of<T>(string property) => Of(typeof(T), property);

    /// <summary>The kebab-case key of <paramref name="property"/> on <paramref name="type"/>.</summary>
    public static string Of(Type type, string property)
    {
        var info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no property {property}.", nameof(property));
        return Of(info);
    }

    /// <summary>The kebab-case key of <paramref name="property"/>; every options property carries one.</summary>
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name
        ?? throw new InvalidOperationException(
            $"{property.DeclaringType?.Name}.{property.Name} has no [ConfigurationKeyName].");

    /// <summary>Joins a section path and a key: <c>actortcp.write</c> + <c>low-watermark</c>.</summary>
    public static string Join(string section, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{section}.{key}");
}
