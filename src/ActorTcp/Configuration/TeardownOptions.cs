using ActorTcp.Teardown;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>The TIME_WAIT-aware teardown policy (HOCON section <c>actortcp.teardown</c>).</summary>
public sealed class TeardownOptions
{
    /// <summary>After the peer's FIN, longest time the handler may keep writing before we close (CLOSE_WAIT bound).</summary>
    [ConfigurationKeyName("close-wait-timeout")]
    public TimeSpan CloseWaitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After our FIN, longest wait for the peer's FIN before a reset (FIN_WAIT bound).</summary>
    [ConfigurationKeyName("fin-wait-timeout")]
    public TimeSpan FinWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On our own close, send the goodbye and let the peer close first, so the peer, not this
    /// server, holds the TIME_WAIT socket.
    /// </summary>
    [ConfigurationKeyName("prefer-peer-close")]
    public bool PreferPeerClose { get; set; } = true;

    /// <summary>How long to wait for the peer's FIN after the goodbye.</summary>
    [ConfigurationKeyName("peer-close-grace")]
    public TimeSpan PeerCloseGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The goodbye frame payload (the framer adds framing); empty sends none.</summary>
    [ConfigurationKeyName("goodbye")]
    public string Goodbye { get; set; } = "BYE";

    /// <summary>What to do when the grace passes without the peer's FIN.</summary>
    [ConfigurationKeyName("on-grace-expired")]
    public GraceExpiredAction OnGraceExpired { get; set; } = GraceExpiredAction.Fin;

    /// <summary>How to end a protocol error, bad input or slow consumer.</summary>
    [ConfigurationKeyName("protocol-error")]
    public BadPeerAction ProtocolError { get; set; } = BadPeerAction.Rst;

    /// <summary>Fin-wait budget when a handler threw: short, the connection is already broken.</summary>
    [ConfigurationKeyName("handler-failed-fin-wait")]
    public TimeSpan HandlerFailedFinWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.teardown</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<TeardownOptions>(section);
        check.Positive(nameof(CloseWaitTimeout), CloseWaitTimeout);
        check.Positive(nameof(FinWaitTimeout), FinWaitTimeout);
        check.Positive(nameof(HandlerFailedFinWait), HandlerFailedFinWait);
        if (PreferPeerClose && PeerCloseGrace <= TimeSpan.Zero)
        {
            throw check.Fail(nameof(PeerCloseGrace),
                $"{PeerCloseGrace} must be greater than 0s when {check.Key(nameof(PreferPeerClose))} = on.");
        }

        if (Goodbye.Contains('\n', StringComparison.Ordinal))
        {
            throw check.Fail(nameof(Goodbye), "must be a single line (no line break).");
        }
    }
}
