using System.Collections;

namespace ActorTcp.Hocon.Values;

/// <summary>An ordered list of values.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly List<HoconValue> _items;
    private bool _unresolved;

    /// <summary>Creates an empty array.</summary>
    /// <param name="origin">Where it was written.</param>
    public HoconArray(HoconOrigin origin)
        : base(origin) => _items = [];

    internal HoconArray(HoconOrigin origin, List<HoconValue> items)
        : base(origin)
    {
        _items = items;
        foreach (var item in items)
        {
            if (!item.IsResolved)
            {
                _unresolved = true;
                break;
            }
        }
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>Gets an element.</summary>
    /// <param name="index">The 0-based index.</param>
    public HoconValue this[int index] => _items[index];

    internal override bool IsResolved => !_unresolved;

    internal List<HoconValue> Items => _items;

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override string Describe() => "a list";

    internal void Add(HoconValue value)
    {
        _items.Add(value);
        if (!value.IsResolved)
        {
            _unresolved = true;
        }
    }

    internal void MarkResolved() => _unresolved = false;
}
