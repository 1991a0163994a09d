using System.Globalization;
using System.Reflection;
using ActorTcp.Configuration;
using ActorTcp.Hocon;
using ActorTcp.Hocon.Values;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Tests.Configuration;

/// <summary>
/// hocon/reference.conf is the one list users read to learn the settings: it must list exactly the
/// options' keys, with exactly the options' defaults.
/// </summary>
public sealed class ReferenceConfTests
{
    private static readonly string ReferenceConfPath = Path.Combine(AppContext.BaseDirectory, "reference.conf");

    [Fact]
    public void ReferenceConf_ListsExactlyTheOptionsKeys()
    {
        // Arrange
        var expected = Leaves(typeof(ActorTcpOptions), new ActorTcpOptions(), ActorTcpOptions.Section)
            .Select(leaf => leaf.Key).ToHashSet();

        // Act
        var listed = new HashSet<string>();
        CollectLeafKeys(HoconConfig.ParseFile(ReferenceConfPath).GetConfig(ActorTcpOptions.Section).Root, ActorTcpOptions.Section, listed);

        // Assert
        Assert.Empty(expected.Except(listed).Select(key => $"missing from reference.conf: {key}"));
        Assert.Empty(listed.Except(expected).Select(key => $"no option for: {key}"));
    }

    [Fact]
    public void ReferenceConfDefaults_EqualTheOptionsDefaults()
    {
        // Arrange
        var config = HoconConfig.ParseFile(ReferenceConfPath);

        // Act
        var mismatches = Leaves(typeof(ActorTcpOptions), new ActorTcpOptions(), ActorTcpOptions.Section)
            .Select(leaf => (leaf.Key, leaf.Default, Listed: Read(config, leaf.Key, leaf.Type)))
            .Where(leaf => !Equals(leaf.Default, leaf.Listed))
            .Select(leaf => $"{leaf.Key}: options default {leaf.Default}, reference.conf {leaf.Listed}")
            .ToList();

        // Assert
        Assert.Empty(mismatches);
    }

    /// <summary>Reads a key the way its option type is written in HOCON (sizes and durations with units).</summary>
    private static object? Read(HoconConfig config, string key, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return config.GetValue(key) is null or HoconNull ? null : Read(config, key, underlying);
        }

        if (type == typeof(string))
        {
            return config.GetString(key);
        }

        if (type == typeof(bool))
        {
            return config.GetBoolean(key);
        }

        if (type == typeof(int))
        {
            // Counts and sizes are both ints; a size reads its unit, a bare count is a byte count.
            return checked((int)config.GetBytes(key));
        }

        if (type == typeof(TimeSpan))
        {
            return config.GetDuration(key);
        }

        if (type == typeof(double))
        {
            return config.GetDouble(key);
        }

        if (type.IsEnum)
        {
            // Enum values are written in kebab-case: length-prefixed is LengthPrefixed.
            var text = config.GetString(key).Replace("-", string.Empty, StringComparison.Ordinal);
            return Enum.Parse(type, text, ignoreCase: true);
        }

        throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"No HOCON reading for options of type {type.Name} ({key})."));
    }

    private static void CollectLeafKeys(HoconObject node, string path, HashSet<string> keys)
    {
        foreach (var (name, value) in node)
        {
            var key = path + "." + name;
            if (value is HoconObject child)
            {
                CollectLeafKeys(child, key, keys);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    private static IEnumerable<(string Key, Type Type, object? Default)> Leaves(Type type, object instance, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{path}.{property.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name}";
            var value = property.GetValue(instance);
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                foreach (var leaf in Leaves(property.PropertyType, value!, key))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (key, property.PropertyType, value);
            }
        }
    }
}
