using System.Globalization;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Tests.Support;

/// <summary>Deep equality of resolved trees: same types and values, numbers compared by value, key order ignored.</summary>
public static class TreeAssert
{
    public static void Equal(HoconValue expected, HoconValue actual, string path = "(root)")
    {
        Assert.True(expected.Type == actual.Type, $"{path}: expected {expected.Type} ({expected}), got {actual.Type} ({actual}) at {actual.Origin}");
        switch (expected)
        {
            case HoconObject expectedObject:
                var actualObject = (HoconObject)actual;
                var expectedKeys = expectedObject.Keys.Order(StringComparer.Ordinal).ToArray();
                var actualKeys = actualObject.Keys.Order(StringComparer.Ordinal).ToArray();
                Assert.True(expectedKeys.SequenceEqual(actualKeys), $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]");
                foreach (var key in expectedKeys)
                {
                    Equal(expectedObject[key], actualObject[key], path + "." + key);
                }

                break;
            case HoconArray expectedArray:
                var actualArray = (HoconArray)actual;
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Equal(expectedArray[i], actualArray[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                break;
            case HoconNumber expectedNumber:
                Assert.True(expectedNumber.ToDouble() == ((HoconNumber)actual).ToDouble(), $"{path}: expected {expectedNumber}, got {actual}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: expected \"{expected}\", got \"{actual}\" at {actual.Origin}");
                break;
        }
    }
}
