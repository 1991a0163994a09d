namespace ActorTcp.Hocon.Values;

/// <summary>The JSON type of a resolved HOCON value.</summary>
public enum HoconValueType
{
    /// <summary>An object: keys mapped to values.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A quoted, unquoted or concatenated string.</summary>
    String,

    /// <summary>A number, kept as it was written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
