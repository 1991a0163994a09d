using System.Globalization;
using System.Numerics;

namespace ActorTcp.Configuration;

/// <summary>
/// The range checks the options classes share; each throws <see cref="ActorTcpConfigurationException"/>
/// naming the full key of <typeparamref name="T"/>'s property and the allowed range.
/// </summary>
/// <typeparam name="T">The options class whose properties are checked.</typeparam>
internal readonly struct OptionCheck<T>
{
    private readonly string _section;

    /// <summary>Checks properties of <typeparamref name="T"/> bound under <paramref name="section"/>.</summary>
    public OptionCheck(string section) => _section = section;

    /// <summary>The full key of <paramref name="property"/>, e.g. <c>actortcp.write.low-watermark</c>.</summary>
    public string Key(string property) => OptionKey.Join(_section, OptionKey.Of<T>(property));

    /// <summary>Creates the exception for <paramref name="property"/> with <paramref name="message"/>, for the caller to throw.</summary>
    public ActorTcpConfigurationException Fail(string property, string message) => new(Key(property), message);

    /// <summary>
    /// Requires <paramref name="value"/> to lie within [<paramref name="min"/>, <paramref name="max"/>];
    /// a value that is not a number (NaN) lies in no range.
    /// </summary>
    public void InRange<TNumber>(string property, TNumber value, TNumber min, TNumber max)
        where TNumber : INumber<TNumber>
    {
        if (!(value >= min && value <= max))
        {
            throw Fail(property, string.Create(CultureInfo.InvariantCulture,
                $"{value} is out of range, allowed {min} to {max}."));
        }
    }

    /// <summary>Requires a strictly positive duration.</summary>
    public void Positive(string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw Fail(property, string.Create(CultureInfo.InvariantCulture,
                $"{value} must be a positive duration (greater than 0s)."));
        }
    }

    /// <summary>Requires a duration of zero (meaning off) or more.</summary>
    public void NotNegative(string property, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw Fail(property, string.Create(CultureInfo.InvariantCulture,
                $"{value} must not be negative (0s turns it off)."));
        }
    }

    /// <summary>Requires a non-empty text value.</summary>
    public void NotEmpty(string property, string? value, string why)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Fail(property, $"must not be empty {why}.");
        }
    }
}
