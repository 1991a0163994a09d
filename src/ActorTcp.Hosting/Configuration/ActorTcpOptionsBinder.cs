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
/// never falls back silently to a default; given the configuration root, the error also says where the
/// value was written (<c>app.conf:7:5: actortcp.heartbeat.interval: ...</c>).
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
        ThrowFirst(BindAll(section, options, root: null));
    }

    /// <summary>
    /// Overwrites the options in <paramref name="options"/> that the <c>actortcp</c> section of
    /// <paramref name="configuration"/> sets; an error says where the rejected value was written.
    /// </summary>
    /// <param name="configuration">The whole configuration, whose providers know where values come from.</param>
    /// <param name="options">The options to bind onto.</param>
    /// <exception cref="ActorTcpConfigurationException">A value cannot be read or a key is unknown; the message names the location and the full key.</exception>
    public static void Bind(IConfigurationRoot configuration, ActorTcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ThrowFirst(BindAll(configuration.GetSection(ActorTcpOptions.Section), options, configuration));
    }

    /// <summary>
    /// Binds and validates, collecting every error instead of stopping at the first, each naming where
    /// the value was written and its key: what a configuration check prints.
    /// </summary>
    /// <param name="configuration">The whole configuration.</param>
    /// <param name="options">The options to bind onto.</param>
    /// <returns>The errors; empty when the options are good.</returns>
    public static IReadOnlyList<ActorTcpConfigurationException> Check(IConfigurationRoot configuration, ActorTcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var errors = BindAll(configuration.GetSection(ActorTcpOptions.Section), options, configuration);
        if (errors.Count == 0)
        {
            try
            {
                options.Validate();
            }
            catch (ActorTcpConfigurationException error)
            {
                errors.Add(Locate(configuration, error));
            }
        }

        return errors;
    }

    /// <summary>
    /// Adds to <paramref name="error"/> (from <see cref="ActorTcpOptions.Validate"/>, which knows keys but
    /// not files) where its key's value was written, when <paramref name="configuration"/> knows.
    /// </summary>
    /// <param name="configuration">The configuration the options were bound from.</param>
    /// <param name="error">An error naming a key.</param>
    /// <returns>The error with its location, or <paramref name="error"/> itself when none is known.</returns>
    public static ActorTcpConfigurationException Locate(IConfigurationRoot configuration, ActorTcpConfigurationException error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(error);
        return error.Location is null && error.Key.Length > 0 && ConfigurationKeyOrigin.Find(configuration, error.Key) is { } location
            ? new ActorTcpConfigurationException(error.Key, error.Problem, location)
            : error;
    }

    private static void ThrowFirst(List<ActorTcpConfigurationException> errors)
    {
        if (errors.Count > 0)
        {
            throw errors[0];
        }
    }

    private static List<ActorTcpConfigurationException> BindAll(IConfigurationSection section, ActorTcpOptions options, IConfigurationRoot? root)
    {
        var errors = new List<ActorTcpConfigurationException>();
        BindGroup(section, options, ActorTcpOptions.Section, root, errors);
        return errors;
    }

    private static void BindGroup(IConfigurationSection section, object group, string groupKey, IConfigurationRoot? root, List<ActorTcpConfigurationException> errors)
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
                errors.Add(Error(root, child,
                    $"{groupKey}.{child.Key.ToLowerInvariant()}",
                    $"is not a known setting; the keys of {groupKey} are {string.Join(", ", properties.Select(p => p.Name))}."));
                continue;
            }

            var key = $"{groupKey}.{match.Name}";
            if (IsGroup(match.Property.PropertyType))
            {
                if (!string.IsNullOrEmpty(child.Value))
                {
                    errors.Add(Error(root, child, key, $"\"{child.Value}\" is not a valid value; expected a section of settings."));
                    continue;
                }

                BindGroup(child, match.Property.GetValue(group)!, key, root, errors);
            }
            else if (TryReadValue(child, key, match.Property.PropertyType, out var value, out var problem))
            {
                match.Property.SetValue(group, value);
            }
            else
            {
                errors.Add(Error(root, child, key, problem));
            }
        }
    }

    private static bool TryReadValue(IConfigurationSection child, string key, Type type, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        var text = child.Value;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var target = underlying ?? type;
        if (child.GetChildren().Any())
        {
            problem = $"is a section but {Expectation(target)}.";
            return false;
        }

        if (target == typeof(string))
        {
            value = text ?? string.Empty;
            return true;
        }

        string? expectation = null;
        var parsed = text is not null && target switch
        {
            _ when target == typeof(TimeSpan) => Assign(HoconValueText.TryParseDuration(text, out var duration, out expectation), duration, out value),
            _ when target == typeof(int) => Assign(HoconValueText.TryParseSize(text, out var size, out expectation), size, out value),
            _ when target == typeof(bool) => Assign(HoconValueText.TryParseBoolean(text, out var flag), flag, out value),
            _ when target == typeof(double) => Assign(HoconValueText.TryParseNumber(text, out var number), number, out value),
            _ when target.IsEnum => HoconValueText.TryParseEnum(target, text, out value),
            _ => throw new NotSupportedException($"{key}: options of type {target.Name} cannot be bound."),
        };
        if (!parsed)
        {
            problem = $"\"{text}\" is not a valid value; {expectation ?? Expectation(target)}.";
        }

        return parsed;
    }

    private static ActorTcpConfigurationException Error(IConfigurationRoot? root, IConfigurationSection child, string key, string problem)
    {
        // A section has no value of its own: its first value says where it was written.
        var path = child.Value is not null ? child.Path : child.AsEnumerable().FirstOrDefault(entry => entry.Value is not null).Key ?? child.Path;
        return new ActorTcpConfigurationException(key, problem, root is null ? null : ConfigurationKeyOrigin.Find(root, path));
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
        _ when type == typeof(double) => HoconValueText.NumberExpectation,
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
