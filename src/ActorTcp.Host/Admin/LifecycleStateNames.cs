using ActorTcp.Lifecycle;

namespace ActorTcp.Host.Admin;

/// <summary>Lifecycle states in the kebab-case the admin API speaks: <c>established</c>, <c>peer-closed</c>, ...</summary>
internal static class LifecycleStateNames
{
    /// <summary>The kebab-case name of <paramref name="state"/>.</summary>
    public static string Of(LifecycleState state) => state switch
    {
        LifecycleState.Established => "established",
        LifecycleState.PeerClosed => "peer-closed",
        LifecycleState.CloseRequested => "close-requested",
        LifecycleState.Closing => "closing",
        _ => "closed",
    };

    /// <summary>Every name, for error messages.</summary>
    public static string All => string.Join(", ", Enum.GetValues<LifecycleState>().Select(Of));

    /// <summary>Reads a state written in kebab-case or as its member name.</summary>
    public static bool TryParse(string text, out LifecycleState state) =>
        Enum.TryParse(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out state)
        && Enum.IsDefined(state)
        && !int.TryParse(text, out _);
}
