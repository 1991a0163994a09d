using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ActorTcp.Hocon.Values;

/// <summary>
/// An object: keys mapped to values, enumerated in the order the keys were first defined. Keys are
/// case-sensitive, as in HOCON.
/// </summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly Dictionary<string, HoconValue> _fields;
    private bool _unresolved;

    /// <summary>Creates an empty object.</summary>
    /// <param name="origin">Where it was written.</param>
    public HoconObject(HoconOrigin origin)
        : base(origin) => _fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>The number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The keys, in definition order.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>The values, in definition order.</summary>
    public IEnumerable<HoconValue> Values => _fields.Values;

    /// <summary>Gets the value of a key (one path element, not a dotted path).</summary>
    /// <param name="key">The key.</param>
    public HoconValue this[string key] => _fields[key];

    internal override bool IsResolved => !_unresolved;

    /// <summary>Whether the object has the key (one path element, not a dotted path).</summary>
    /// <param name="key">The key.</param>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>Gets the value of a key (one path element, not a dotted path).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when present.</param>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>Enumerates the fields in definition order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override string Describe() => "an object";

    internal void Set(string key, HoconValue value)
    {
        _fields[key] = value;
        if (!value.IsResolved)
        {
            _unresolved = true;
        }
    }

    internal void Remove(string key) => _fields.Remove(key);

    internal void MarkUnresolved() => _unresolved = true;

    internal void MarkResolved() => _unresolved = false;

    internal string[] KeySnapshot()
    {
        var keys = new string[_fields.Count];
        _fields.Keys.CopyTo(keys, 0);
        return keys;
    }
}
