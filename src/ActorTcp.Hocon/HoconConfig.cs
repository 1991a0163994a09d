using ActorTcp.Hocon.Includes;
using ActorTcp.Hocon.Parsing;
using ActorTcp.Hocon.Resolution;
using ActorTcp.Hocon.Typed;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon;

/// <summary>
/// A parsed and resolved HOCON configuration, read by dotted paths with HOCON's unit formats.
/// </summary>
/// <example>
/// <code>
/// var config = HoconConfig.ParseFile("actortcp.conf");
/// TimeSpan interval = config.GetDuration("actortcp.heartbeat.interval"); // "30s"
/// long buffer = config.GetBytes("actortcp.tcp.receive-buffer");          // "64KiB"
/// </code>
/// A bad value throws a <see cref="HoconValueException"/> such as
/// <c>actortcp.conf:12:3: actortcp.heartbeat.interval: expected a duration such as 500ms, 30s or 5m, got "banana"</c>.
/// </example>
public sealed class HoconConfig
{
    private static readonly string[] _noPrefix = [];

    private readonly string[] _prefix;

    private HoconConfig(HoconObject root, string[] prefix)
    {
        Root = root;
        _prefix = prefix;
    }

    /// <summary>The resolved object this configuration reads from.</summary>
    public HoconObject Root { get; }

    /// <summary>Parses and resolves HOCON text.</summary>
    /// <param name="text">The document.</param>
    /// <param name="options">Source name, include directory and environment lookup; <see cref="HoconParseOptions.Default"/> when null.</param>
    /// <exception cref="HoconException">The text is invalid, or a substitution or include cannot be resolved.</exception>
    public static HoconConfig Parse(string text, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconParseOptions.Default;
        var root = HoconParser.ParseObject(text, options.SourceName ?? "(string)", options.BaseDirectory, _noPrefix, new HoconIncluder());
        HoconResolver.Resolve(root, options.EnvironmentLookup);
        return new HoconConfig(root, _noPrefix);
    }

    /// <summary>Reads, parses and resolves a HOCON file; its includes are found relative to it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The environment lookup; <see cref="HoconParseOptions.Default"/> when null.</param>
    /// <exception cref="HoconException">The file is invalid, or a substitution or include cannot be resolved.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HoconConfig ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= HoconParseOptions.Default;
        var root = new HoconIncluder().ParseTopFile(path);
        HoconResolver.Resolve(root, options.EnvironmentLookup);
        return new HoconConfig(root, _noPrefix);
    }

    /// <summary>True when <paramref name="path"/> holds a value other than null.</summary>
    /// <param name="path">A dotted path such as <c>akka.io.tcp</c>; quote keys that contain dots.</param>
    public bool HasPath(string path) => Find(path, out _, out _) is { } value && value is not HoconNull;

    /// <summary>The value at <paramref name="path"/> (a <see cref="HoconNull"/> for an explicit null), or null when missing.</summary>
    /// <param name="path">A dotted path.</param>
    public HoconValue? GetValue(string path) => Find(path, out _, out _);

    /// <summary>Reads a string; numbers and booleans read as their text.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing, null, an object or a list.</exception>
    public string GetString(string path)
    {
        var value = Require(path, "expected a string", out var keys);
        return ValueConversions.AsString(value) ?? throw WrongType(value, keys, "expected a string");
    }

    /// <summary>Reads a 32-bit whole number.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing, not a whole number, or out of range.</exception>
    public int GetInt(string path)
    {
        const string Expected = "expected a whole number between -2147483648 and 2147483647";
        var value = Require(path, Expected, out var keys);
        return ValueConversions.TryGetLong(value, out var result) && result is >= int.MinValue and <= int.MaxValue
            ? (int)result
            : throw WrongType(value, keys, Expected);
    }

    /// <summary>Reads a 64-bit whole number.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing, not a whole number, or out of range.</exception>
    public long GetLong(string path)
    {
        const string Expected = "expected a whole number";
        var value = Require(path, Expected, out var keys);
        return ValueConversions.TryGetLong(value, out var result) ? result : throw WrongType(value, keys, Expected);
    }

    /// <summary>Reads a number.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing or not a number.</exception>
    public double GetDouble(string path)
    {
        const string Expected = "expected a number";
        var value = Require(path, Expected, out var keys);
        return ValueConversions.TryGetDouble(value, out var result) ? result : throw WrongType(value, keys, Expected);
    }

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c>, or the strings <c>yes</c>/<c>no</c> and <c>on</c>/<c>off</c>.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing or not a boolean.</exception>
    public bool GetBoolean(string path)
    {
        const string Expected = "expected a boolean (true/false, yes/no or on/off)";
        var value = Require(path, Expected, out var keys);
        return ValueConversions.TryGetBoolean(value, out var result) ? result : throw WrongType(value, keys, Expected);
    }

    /// <summary>
    /// Reads a duration: a number of milliseconds, or a number and a unit (<c>ns us ms s m h d</c> or their long
    /// forms, e.g. <c>500ms</c>, <c>1.5 s</c>, <c>2 minutes</c>); <c>infinite</c> reads as <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing, not a duration, or out of range.</exception>
    public TimeSpan GetDuration(string path)
    {
        var value = Require(path, DurationFormat.Expectation, out var keys);
        return ReadDuration(value, keys);
    }

    /// <summary>
    /// Reads a size in bytes: a number of bytes, or a number and a unit (<c>kB MB GB …</c> are powers of ten,
    /// <c>K KiB M MiB …</c> powers of two, e.g. <c>64KiB</c>, <c>10MB</c>, <c>0.5M</c>).
    /// </summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing, not a size, or larger than a 64-bit count.</exception>
    public long GetBytes(string path)
    {
        var value = Require(path, ByteSizeFormat.Expectation, out var keys);
        return ReadBytes(value, keys);
    }

    /// <summary>Reads a list, or an object with numeric keys (<c>a.0 = x, a.1 = y</c>) as the list of its values in key order.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing or not a list.</exception>
    public IReadOnlyList<HoconValue> GetList(string path)
    {
        const string Expected = "expected a list";
        var value = Require(path, Expected, out var keys);
        return ValueConversions.AsList(value) ?? throw WrongType(value, keys, Expected);
    }

    /// <summary>Reads a list of strings; numbers and booleans read as their text.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is not a list, or an element is not a string.</exception>
    public IReadOnlyList<string> GetStringList(string path) =>
        ReadList(path, (item, keys) => ValueConversions.AsString(item) ?? throw WrongType(item, keys, "expected a list of strings"));

    /// <summary>Reads a list of durations, each in the format of <see cref="GetDuration"/>.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is not a list, or an element is not a duration.</exception>
    public IReadOnlyList<TimeSpan> GetDurationList(string path) => ReadList(path, ReadDuration);

    /// <summary>Reads a list of sizes in bytes, each in the format of <see cref="GetBytes"/>.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is not a list, or an element is not a size.</exception>
    public IReadOnlyList<long> GetBytesList(string path) => ReadList(path, ReadBytes);

    /// <summary>Reads an object as a configuration of its own; its errors still name full paths.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="HoconValueException">The value is missing or not an object.</exception>
    public HoconConfig GetConfig(string path)
    {
        const string Expected = "expected an object";
        var value = Require(path, Expected, out var keys);
        return value is HoconObject obj ? new HoconConfig(obj, [.. _prefix, .. keys]) : throw WrongType(value, keys, Expected);
    }

    private T[] ReadList<T>(string path, Func<HoconValue, string[], T> read)
    {
        var list = GetList(path);
        var keys = ParsePath(path);
        var result = new T[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = read(list[i], [.. keys, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return result;
    }

    private TimeSpan ReadDuration(HoconValue value, string[] keys) =>
        ReadWithUnit<TimeSpan>(value, keys, DurationFormat.TryParse, DurationFormat.Expectation, DurationFormat.Units, "a TimeSpan");

    private long ReadBytes(HoconValue value, string[] keys) =>
        ReadWithUnit<long>(value, keys, ByteSizeFormat.TryParse, ByteSizeFormat.Expectation, ByteSizeFormat.Units, "a 64-bit count");

    /// <summary>Reads a number with a unit (a duration or a size), saying in the error which part was wrong.</summary>
    private T ReadWithUnit<T>(HoconValue value, string[] keys, UnitParser<T> parse, string expectation, string units, string fitsIn)
    {
        var text = value switch
        {
            HoconNumber number => number.Text,
            HoconString str => str.Value,
            _ => null,
        };
        if (text is null)
        {
            throw WrongType(value, keys, expectation);
        }

        return parse(text, out var result) switch
        {
            UnitParseResult.Parsed => result,
            UnitParseResult.UnknownUnit => throw WrongType(value, keys, expectation + " (units: " + units + ")"),
            UnitParseResult.OutOfRange => throw WrongType(value, keys, expectation + " that fits " + fitsIn),
            _ => throw WrongType(value, keys, expectation),
        };
    }

    private HoconValue Require(string path, string expected, out string[] keys)
    {
        var value = Find(path, out keys, out var closest);
        if (value is null)
        {
            throw new HoconValueException(closest.Origin, FullPath(keys), expected + ", but the configuration has no value here");
        }

        return value;
    }

    private HoconValue? Find(string path, out string[] keys, out HoconObject closest)
    {
        keys = ParsePath(path);
        closest = Root;
        HoconValue current = Root;
        foreach (var key in keys)
        {
            if (current is not HoconObject obj)
            {
                return null;
            }

            closest = obj;
            if (!obj.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private string[] ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return HoconPath.Parse(path);
        }
        catch (FormatException e)
        {
            throw new HoconValueException(null, HoconPath.Render(_prefix) + (_prefix.Length > 0 ? "." : string.Empty) + path, e.Message, e);
        }
    }

    private HoconValueException WrongType(HoconValue value, string[] keys, string expected) =>
        new(value.Origin, FullPath(keys), expected + ", got " + value.Describe());

    private string FullPath(string[] keys) => HoconPath.Render(_prefix, keys);
}
