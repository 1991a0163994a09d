using System.Text;
using ActorTcp.Hocon.Typed;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Resolution;

/// <summary>
/// Replaces substitutions, concatenations and delayed merges by their values, in place, after the whole
/// document (with its includes) is parsed, so that substitutions "look forward" to the final value of a path.
/// </summary>
/// <remarks>
/// A field whose value refers to itself (<c>path = ${path} [x]</c>, <c>a = ${?a}foo</c>) must see only the
/// definitions written before it. While such a field is being resolved, its path is <em>restricted</em>:
/// lookups through it see the older layers of its merge stack, or nothing. Reaching a restriction with
/// nothing below it from the field itself is a plain self-reference (missing); reaching one left by an outer
/// field is a cycle such as <c>a = ${b}, b = ${a}</c>. Settled values are written back into the tree when no
/// restriction is active, which memoizes every substitution once.
/// </remarks>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly List<Restriction> _restrictions = [];
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);

    private HoconResolver(HoconObject root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    private enum LookupStatus
    {
        Found,
        Missing,
        SelfReference,
        Cycle,
    }

    /// <summary>Resolves every substitution in <paramref name="root"/>, in place.</summary>
    /// <param name="root">The parsed document.</param>
    /// <param name="environment">Looks up environment variables for substitutions the document does not define; null for none.</param>
    public static void Resolve(HoconObject root, Func<string, string?>? environment)
    {
        if (root.IsResolved)
        {
            return;
        }

        new HoconResolver(root, environment).ResolveObject(root, []);
    }

    private HoconValue? ResolveDeep(HoconValue value, string[] path)
    {
        if (value.IsResolved)
        {
            return value;
        }

        switch (value)
        {
            case HoconObject obj:
                ResolveObject(obj, path);
                return obj;
            case HoconArray array:
                ResolveArray(array, path);
                return array;
            default:
                var settled = SettleAt(value, path);
                return settled is null ? null : ResolveDeep(settled, path);
        }
    }

    private void ResolveObject(HoconObject obj, string[] path)
    {
        if (!_inProgress.Add(obj))
        {
            throw new HoconResolveException(obj.Origin, Render(path), "expected substitutions without a cycle, got an object that contains a reference to itself");
        }

        foreach (var key in obj.KeySnapshot())
        {
            if (!obj.TryGetValue(key, out var value) || value.IsResolved)
            {
                continue;
            }

            string[] childPath = [.. path, key];
            var settled = value.IsSettled ? value : SettleField(obj, key, value, childPath);
            var resolved = settled is null ? null : ResolveDeep(settled, childPath);
            if (resolved is null)
            {
                obj.Remove(key);
            }
            else
            {
                obj.Set(key, resolved);
            }
        }

        _inProgress.Remove(obj);
        obj.MarkResolved();
    }

    private void ResolveArray(HoconArray array, string[] path)
    {
        if (!_inProgress.Add(array))
        {
            throw new HoconResolveException(array.Origin, Render(path), "expected substitutions without a cycle, got a list that contains a reference to itself");
        }

        var items = array.Items;
        var write = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            // Elements are not fields: `a = [${a}]` is a cycle, not a self-reference that looks back.
            var settled = item.IsSettled ? item : Settle(item, path);
            var resolved = settled is null ? null : ResolveDeep(settled, path);

            if (resolved is not null)
            {
                items[write++] = resolved;
            }
        }

        items.RemoveRange(write, items.Count - write);
        _inProgress.Remove(array);
        array.MarkResolved();
    }

    // Settles the value of a field found in the tree, and memoizes the result there when nothing is restricted.
    private HoconValue? SettleField(HoconObject parent, string key, HoconValue value, string[] path)
    {
        var settled = SettleAt(value, path);
        if (_restrictions.Count == 0)
        {
            if (settled is null)
            {
                parent.Remove(key);
            }
            else
            {
                parent.Set(key, settled);
            }
        }

        return settled;
    }

    // Settles a value that sits at `path`: while it is computed, lookups through `path` see only what was
    // defined before it.
    private HoconValue? SettleAt(HoconValue value, string[] path)
    {
        if (value.IsSettled)
        {
            return value;
        }

        if (value is HoconMergeStack stack)
        {
            return SettleStack(stack, path);
        }

        _restrictions.Add(new Restriction(path, null));
        try
        {
            return Settle(value, path);
        }
        finally
        {
            _restrictions.RemoveAt(_restrictions.Count - 1);
        }
    }

    private HoconValue? SettleStack(HoconMergeStack stack, string[] path)
    {
        HoconValue? result = null;
        var layers = stack.Layers;
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var layer = layers[i];
            HoconValue? settled;
            if (layer.IsSettled)
            {
                settled = layer;
            }
            else
            {
                _restrictions.Add(new Restriction(path, Below(stack, i)));
                try
                {
                    settled = Settle(layer, path);
                }
                finally
                {
                    _restrictions.RemoveAt(_restrictions.Count - 1);
                }
            }

            if (settled is null)
            {
                continue;
            }

            if (result is null)
            {
                result = settled;
            }
            else if (settled is HoconObject below)
            {
                result = HoconMerge.WithFallback((HoconObject)result, below);
            }
            else
            {
                break;
            }

            if (result is not HoconObject)
            {
                break;
            }
        }

        return result;
    }

    private static HoconValue? Below(HoconMergeStack stack, int index) => index switch
    {
        0 => null,
        1 => stack.Layers[0],
        _ => new HoconMergeStack(stack.Layers.GetRange(0, index), stack.Layers[index - 1].Origin),
    };

    private HoconValue? Settle(HoconValue value, string[] path) => value switch
    {
        HoconSubstitution substitution => SettleSubstitution(substitution, path),
        HoconConcatenation concatenation => SettleConcatenation(concatenation, path),
        HoconMergeStack stack => SettleStack(stack, path),
        _ => value,
    };

    private HoconValue? SettleSubstitution(HoconSubstitution substitution, string[] path)
    {
        var status = LookupStatus.Missing;
        HoconValue? found = null;
        var cycleStart = -1;
        if (substitution.IncludePrefix.Length > 0)
        {
            status = Lookup([.. substitution.IncludePrefix, .. substitution.Path], out found, out cycleStart);
        }

        if (status == LookupStatus.Missing)
        {
            status = Lookup(substitution.Path, out found, out cycleStart);
        }

        if (status == LookupStatus.Missing && _environment is not null)
        {
            var name = string.Join('.', substitution.Path);
            if (_environment(name) is { } variable)
            {
                return new HoconString(variable, new HoconOrigin("environment variable " + name, 0, 0));
            }
        }

        if (status == LookupStatus.Found || substitution.Optional)
        {
            return found;
        }

        var problem = status switch
        {
            LookupStatus.SelfReference =>
                $"expected an earlier value for {substitution.Describe()}, which refers to the field being defined, but there is none",
            LookupStatus.Cycle =>
                $"expected substitutions without a cycle, got {DescribeCycle(cycleStart, substitution)}",
            _ => _environment is null
                ? $"expected a value at {substitution.Describe()}, but the configuration has none"
                : $"expected a value at {substitution.Describe()}, but neither the configuration nor the environment has one",
        };
        throw new HoconResolveException(substitution.Origin, Render(path), problem);
    }

    private LookupStatus Lookup(string[] path, out HoconValue? value, out int cycleStart)
    {
        cycleStart = -1;
        value = null;
        HoconValue current = _root;
        for (var depth = 0; depth < path.Length; depth++)
        {
            if (current is not HoconObject obj)
            {
                return LookupStatus.Missing;
            }

            HoconValue? next;
            var restriction = FindRestriction(path, depth + 1);
            if (restriction >= 0)
            {
                var below = _restrictions[restriction].Below;
                if (below is null)
                {
                    if (restriction == _restrictions.Count - 1)
                    {
                        return LookupStatus.SelfReference;
                    }

                    cycleStart = restriction;
                    return LookupStatus.Cycle;
                }

                next = SettleAt(below, path[..(depth + 1)]);
            }
            else
            {
                if (!obj.TryGetValue(path[depth], out next))
                {
                    return LookupStatus.Missing;
                }

                if (!next.IsSettled)
                {
                    next = SettleField(obj, path[depth], next, path[..(depth + 1)]);
                }
            }

            if (next is null)
            {
                return LookupStatus.Missing;
            }

            current = next;
        }

        value = current;
        return LookupStatus.Found;
    }

    private int FindRestriction(string[] path, int length)
    {
        for (var i = _restrictions.Count - 1; i >= 0; i--)
        {
            var restricted = _restrictions[i].Path;
            if (restricted.Length == length && path.AsSpan(0, length).SequenceEqual(restricted))
            {
                return i;
            }
        }

        return -1;
    }

    private HoconValue? SettleConcatenation(HoconConcatenation concatenation, string[] path)
    {
        var parts = concatenation.Parts;
        var settled = new HoconValue?[parts.Count];
        HoconValue? firstDefined = null;
        var defined = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is HoconString { IsUnquotedWhitespace: true })
            {
                settled[i] = part;
                continue;
            }

            var value = part.IsSettled ? part : Settle(part, path);
            settled[i] = value;
            if (value is null)
            {
                continue;
            }

            // HOCON.md: where a list is expected, an object with numeric keys (from a .properties file) is one.
            if (firstDefined is HoconArray && value is HoconObject numbered && ValueConversions.AsList(numbered) is { } items)
            {
                value = settled[i] = new HoconArray(numbered.Origin, [.. items]);
            }
            else if (firstDefined is HoconObject numberedFirst && value is HoconArray && defined == 1
                && ValueConversions.AsList(numberedFirst) is { } firstItems)
            {
                firstDefined = new HoconArray(numberedFirst.Origin, [.. firstItems]);
                settled[Array.IndexOf(settled, numberedFirst)] = firstDefined;
            }

            if (firstDefined is not null && KindOf(firstDefined) != KindOf(value))
            {
                throw new HoconResolveException(part.Origin, Render(path),
                    $"expected values of one kind in a concatenation (all strings, all lists or all objects), got {firstDefined.Describe()} followed by {value.Describe()}");
            }

            firstDefined ??= value;
            defined++;
        }

        if (firstDefined is null)
        {
            return null;
        }

        if (defined == 1)
        {
            return firstDefined;
        }

        switch (firstDefined)
        {
            case HoconArray:
                var items = new List<HoconValue>();
                foreach (var value in settled)
                {
                    if (value is HoconArray array)
                    {
                        items.AddRange(array.Items);
                    }
                }

                return new HoconArray(concatenation.Origin, items);
            case HoconObject:
                HoconObject? merged = null;
                foreach (var value in settled)
                {
                    if (value is HoconObject obj)
                    {
                        merged = merged is null ? obj : HoconMerge.WithFallback(obj, merged);
                    }
                }

                return merged;
            default:
                var builder = new StringBuilder();
                foreach (var value in settled)
                {
                    builder.Append(value?.ConcatenationText);
                }

                return new HoconString(builder.ToString(), concatenation.Origin);
        }
    }

    private static int KindOf(HoconValue value) => value switch
    {
        HoconObject => 1,
        HoconArray => 2,
        _ => 0,
    };

    private string DescribeCycle(int start, HoconSubstitution substitution)
    {
        var chain = new List<string>();
        for (var i = start; i < _restrictions.Count; i++)
        {
            chain.Add(HoconPath.Render(_restrictions[i].Path));
        }

        chain.Add(HoconPath.Render(_restrictions[start].Path));
        return $"a cycle {string.Join(" -> ", chain)} (through {substitution.Describe()})";
    }

    private static string? Render(string[] path) => path.Length == 0 ? null : HoconPath.Render(path);

    private readonly record struct Restriction(string[] Path, HoconValue? Below);
}
