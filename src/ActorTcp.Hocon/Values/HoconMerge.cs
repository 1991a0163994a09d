namespace ActorTcp.Hocon.Values;

/// <summary>
/// HOCON's merge rule, shared by duplicate keys, includes and object concatenation: a later object merges
/// into an earlier object, any other later value replaces the earlier one, and when either side is still
/// unresolved the two are kept as a <see cref="HoconMergeStack"/> until resolution.
/// </summary>
internal static class HoconMerge
{
    /// <summary>Defines <paramref name="key"/> in <paramref name="target"/> as if written after what is already there; changes objects in place.</summary>
    public static void MergeInto(HoconObject target, string key, HoconValue value)
    {
        if (!target.TryGetValue(key, out var existing))
        {
            target.Set(key, value);
            return;
        }

        if (value is HoconObject later)
        {
            if (existing is HoconObject earlier)
            {
                foreach (var field in later)
                {
                    MergeInto(earlier, field.Key, field.Value);
                }

                if (!earlier.IsResolved)
                {
                    target.MarkUnresolved();
                }

                return;
            }

            target.Set(key, existing.IsSettled ? value : Stack(existing, value));
            return;
        }

        target.Set(key, value.IsSettled ? value : Stack(existing, value));
    }

    /// <summary>Returns a new object holding <paramref name="fallback"/> overridden by <paramref name="top"/>; neither input changes.</summary>
    public static HoconObject WithFallback(HoconObject top, HoconObject fallback)
    {
        var merged = new HoconObject(top.Origin);
        foreach (var field in fallback)
        {
            merged.Set(field.Key, field.Value);
        }

        foreach (var field in top)
        {
            merged.Set(field.Key, fallback.TryGetValue(field.Key, out var below) ? Combine(below, field.Value) : field.Value);
        }

        return merged;
    }

    private static HoconValue Combine(HoconValue below, HoconValue above)
    {
        if (above is HoconObject aboveObject)
        {
            if (below is HoconObject belowObject)
            {
                return WithFallback(aboveObject, belowObject);
            }

            return below.IsSettled ? above : Stack(below, above);
        }

        return above.IsSettled ? above : Stack(below, above);
    }

    private static HoconMergeStack Stack(HoconValue below, HoconValue above)
    {
        var layers = new List<HoconValue>();
        AddLayers(layers, below);
        AddLayers(layers, above);
        return new HoconMergeStack(layers, above.Origin);
    }

    private static void AddLayers(List<HoconValue> layers, HoconValue value)
    {
        if (value is HoconMergeStack stack)
        {
            layers.AddRange(stack.Layers);
        }
        else
        {
            layers.Add(value);
        }
    }
}
