using System.Reflection;
using ActorTcp.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hosting.Configuration;

/// <summary>
/// Binds the <c>actortcp</c> configuration section onto <see cref="ActorTcpOptions"/> with HOCON's value
/// rules, which the stock binder does not know: <c>30s</c> is a duration, <c>64KiB</c> a size,
/// <c>length-prefixed</c> an enum member and <c>on</c> a boolean. Keys are the options'
/// <see cref="ConfigurationKeyNameAttribute"/> names, the one key map shared with <c>reference.conf</c>.
/// A value that cannot be read, or a key no option has, is rejected naming the full key, so a typo
/// never falls back silently to a default.
/// </summary>
/// <example>
/// <code>
/// var configuration = new ConfigurationBuilder()
///     .AddInMemoryCollection(new Dictionary&lt;string, string?&gt; { ["actortcp:heartbeat:interval"] = "5s" })
///     .Build();
/// var options = new ActorTcpOptions();
/// ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);
/// // options.Heartbeat.Interval == TimeSpan.FromSeconds(5)
/// </code>
/// </example>
public static class ActorTcpOptionsBinder
{
    /// <summary>Overwrites the options in <paramref name="options"/> that <paramref name="section"/> sets.</summary>
    /// <param name="section">The <c>actortcp</c> section; a missing section leaves every default.</param>
    /// <param name="options">The options to bind onto.</param>
    /// <exception cref="ActorTcpConfigurationException">A value cannot be read or a key is unknown; the message names the full key.</exception>
    public static void Bind(IConfigurationSection section, ActorTcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        BindGroup(section, options, ActorTcpOptions.Section);
    }

    private static void BindGroup(IConfigurationSection section, object group, string groupKey)
    {
        var properties = group.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToList();

        foreach (var child in section.GetChildren())
        {
            var match = properties.FirstOrDefault(p => SameKey(p.Name!, child.Key));
            if (match.Property is null)
            {
                throw new ActorTcpConfigurationException(
                    $"{groupKey}.{child.Key.ToLowerInvariant()}",
                    $"is not a known setting; the keys of {groupKey} are {string.Join(", ", properties.Select(p => p.Name))}.");
            }

            var key = $"{groupKey}.{match.Name}";
            if (IsGroup(match.Property.PropertyType))
            {
                if (!string.IsNullOrEmpty(child.Value))
                {
                    throw new ActorTcpConfigurationException(key, $"\"{child.Value}\" is not a valid value; expected a section of settings.");
                }

                BindGroup(child, match.Property.GetValue(group)!, key);
            }
            else
            {
                match.Property.SetValue(group, ReadValue(child, key, match.Property.PropertyType));
            }
        }
    }

    private static object? ReadValue(IConfigurationSection child, string key, Type type)
    {
        var text = child.Value;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var target = underlying ?? type;
        if (child.GetChildren().Any())
        {
            throw new ActorTcpConfigurationException(key, $"is a section but {Expectation(target)}.");
        }

        if (target == typeof(string))
        {
            return text ?? string.Empty;
        }

        object? value = null;
        var parsed = text is not null && target switch
        {
            _ when target == typeof(TimeSpan) => Assign(HoconValueText.TryParseDuration(text, out var duration), duration, out value),
            _ when target == typeof(int) => Assign(HoconValueText.TryParseSize(text, out var size), size, out value),
            _ when target == typeof(bool) => Assign(HoconValueText.TryParseBoolean(text, out var flag), flag, out value),
            _ when target.IsEnum => HoconValueText.TryParseEnum(target, text, out value),
            _ => throw new NotSupportedException($"{key}: options of type {target.Name} cannot be bound."),
        };
        return parsed
            ? value
            : throw new ActorTcpConfigurationException(key, $"\"{text}\" is not a valid value; {Expectation(target)}.");
    }

    private static bool Assign<T>(bool parsed, T parsedValue, out object? value)
    {
        value = parsedValue;
        return parsed;
    }

    private static string Expectation(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => HoconValueText.DurationExpectation,
        _ when type == typeof(int) => HoconValueText.SizeExpectation,
        _ when type == typeof(bool) => HoconValueText.BooleanExpectation,
        _ when type.IsEnum => HoconValueText.EnumExpectation(type),
        _ => "expected a value",
    };

    /// <summary>An options group is a class of its own whose properties carry key names, like <see cref="HeartbeatOptions"/>.</summary>
    private static bool IsGroup(Type type) =>
        type.IsClass && type != typeof(string)
        && type.GetProperties().Any(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not null);

    /// <summary>Environment variables cannot hold '-', so <c>IDLE_TIMEOUT</c> matches <c>idle-timeout</c> too.</summary>
    private static bool SameKey(string optionKey, string configurationKey) =>
        string.Equals(optionKey, configurationKey.Replace('_', '-'), StringComparison.OrdinalIgnoreCase);
}
