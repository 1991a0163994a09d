using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Configuration;

/// <summary>
/// A configuration provider that knows where each of its values was written, so that an application
/// rejecting a value can say <c>file:line:column</c> as well as the key.
/// </summary>
public interface IHoconOrigins
{
    /// <summary>Where the value of configuration key <paramref name="key"/> (e.g. <c>actortcp:heartbeat:interval</c>) was written.</summary>
    /// <param name="key">The configuration key, with <c>:</c> between levels; case is ignored.</param>
    /// <param name="origin">The file (or other source), line and column.</param>
    /// <returns>False when this provider has no such key.</returns>
    bool TryGetOrigin(string key, out HoconOrigin origin);
}
