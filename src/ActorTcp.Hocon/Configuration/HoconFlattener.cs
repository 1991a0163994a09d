using System.Globalization;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Configuration;

/// <summary>
/// Turns a resolved tree into Microsoft.Extensions.Configuration keys: <c>a { b = [x, y] }</c> becomes
/// <c>a:b:0 = x</c> and <c>a:b:1 = y</c>. Nulls stay null, numbers keep their written text, and empty objects
/// and lists become a null entry so that their key still exists (as the JSON provider does). Where each
/// key's value was written is kept beside it, for error messages.
/// </summary>
internal static class HoconFlattener
{
    private const string ConfigurationDelimiter = ":";

    public static Dictionary<string, string?> Flatten(HoconObject root) => Flatten(root, out _);

    public static Dictionary<string, string?> Flatten(HoconObject root, out Dictionary<string, HoconOrigin> origins)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        origins = new Dictionary<string, HoconOrigin>(StringComparer.OrdinalIgnoreCase);
        FlattenObject(root, null, [], data, origins);
        return data;
    }

    private static void Flatten(HoconValue value, string key, List<string> path, Dictionary<string, string?> data, Dictionary<string, HoconOrigin> origins)
    {
        origins[key] = value.Origin;
        switch (value)
        {
            case HoconObject obj when obj.Count > 0:
                FlattenObject(obj, key, path, data, origins);
                break;
            case HoconArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    path.Add(index);
                    Flatten(array[i], key + ConfigurationDelimiter + index, path, data, origins);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case HoconObject or HoconArray or HoconNull:
                data[key] = null;
                break;
            default:
                data[key] = value.ConcatenationText;
                break;
        }
    }

    // Configuration keys ignore case, so two HOCON keys that differ only by case would silently overwrite
    // each other: that is reported instead, with both spellings and where each was written.
    private static void FlattenObject(HoconObject obj, string? prefix, List<string> path, Dictionary<string, string?> data, Dictionary<string, HoconOrigin> origins)
    {
        Dictionary<string, string>? seen = obj.Count > 1 ? new Dictionary<string, string>(obj.Count, StringComparer.OrdinalIgnoreCase) : null;
        foreach (var field in obj)
        {
            if (seen is not null && !seen.TryAdd(field.Key, field.Key))
            {
                var other = seen[field.Key];
                path.Add(field.Key);
                var fullPath = HoconPath.Render(path);
                path.RemoveAt(path.Count - 1);
                throw new HoconException(field.Value.Origin, fullPath,
                    $"expected keys that differ by more than case (configuration keys ignore case), got \"{other}\" at {obj[other].Origin} and \"{field.Key}\" at {field.Value.Origin}");
            }

            path.Add(field.Key);
            Flatten(field.Value, prefix is null ? field.Key : prefix + ConfigurationDelimiter + field.Key, path, data, origins);
            path.RemoveAt(path.Count - 1);
        }
    }
}
