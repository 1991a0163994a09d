namespace ActorTcp.Host.Dashboard;

/// <summary>The dashboard's single page (HTML with its CSS and JavaScript inline), read once from the assembly.</summary>
internal static class DashboardPage
{
    private const string ResourceName = "ActorTcp.Host.Dashboard.dashboard.html";

    private static readonly Lazy<byte[]> Content = new(Load);

    /// <summary>The page's UTF-8 bytes.</summary>
    public static byte[] Bytes => Content.Value;

    /// <summary>
    /// Everything the page uses is inline or its own origin: no script, style or font comes from
    /// anywhere else, which the policy makes the browser enforce.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static byte[] Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The dashboard page {ResourceName} is not embedded in the host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
