using System.Security.Cryptography;
using System.Text;

namespace ActorTcp.Host.Admin;

/// <summary>
/// The bearer token mutating admin calls present. Both sides are hashed before a fixed-time compare, so
/// neither the token's content nor its length can be learnt from how long a refusal takes.
/// </summary>
internal sealed class AdminToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[]? _digest;

    /// <summary>Creates the check for <paramref name="token"/>; an empty token requires nothing.</summary>
    public AdminToken(string token) =>
        _digest = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether calls must present a token at all.</summary>
    public bool IsRequired => _digest is not null;

    /// <summary>Whether an <c>Authorization</c> header value carries the token.</summary>
    public bool Accepts(string? authorization)
    {
        if (_digest is null)
        {
            return true;
        }

        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _digest);
    }
}
