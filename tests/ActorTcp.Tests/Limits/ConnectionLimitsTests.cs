using System.Net;
using ActorTcp.Limits;

namespace ActorTcp.Tests.Limits;

public sealed class ConnectionLimitsTests
{
    private static readonly IPAddress A = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress B = IPAddress.Parse("10.0.0.2");

    [Fact]
    public void AtMaxConnections_TheNextIsRefusedUntilOneIsReleased()
    {
        var limits = new ConnectionLimits(maxConnections: 2, maxPerAddress: 0);

        Assert.Equal(Admission.Admitted, limits.TryAdmit(A));
        Assert.Equal(Admission.Admitted, limits.TryAdmit(B));
        Assert.Equal(Admission.OverMaxConnections, limits.TryAdmit(A));

        limits.Release(B);
        Assert.Equal(Admission.Admitted, limits.TryAdmit(B));
        Assert.Equal(2, limits.Open);
    }

    [Fact]
    public void AtMaxPerAddress_OnlyThatAddressIsRefused()
    {
        var limits = new ConnectionLimits(maxConnections: 10, maxPerAddress: 1);

        Assert.Equal(Admission.Admitted, limits.TryAdmit(A));
        Assert.Equal(Admission.OverMaxConnectionsPerIp, limits.TryAdmit(A));
        Assert.Equal(Admission.Admitted, limits.TryAdmit(B));
    }

    [Fact]
    public void MappedIpv4Address_CountsAsTheSameAddress()
    {
        var limits = new ConnectionLimits(maxConnections: 10, maxPerAddress: 1);

        limits.TryAdmit(A);

        Assert.Equal(Admission.OverMaxConnectionsPerIp, limits.TryAdmit(A.MapToIPv6()));
    }

    [Fact]
    public void RejectionReasons_AreTheLimitKeys()
    {
        Assert.Equal("max-connections", ConnectionLimits.ReasonTag(Admission.OverMaxConnections));
        Assert.Equal("max-connections-per-ip", ConnectionLimits.ReasonTag(Admission.OverMaxConnectionsPerIp));
    }
}
