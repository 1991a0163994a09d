using System.Net;
using ActorTcp.Outbound;

namespace ActorTcp.Tests.Outbound;

public sealed class OutboundTargetTests
{
    [Theory]
    [InlineData("broker.example:7000", "broker.example", 7000, false, "broker.example:7000")]
    [InlineData("127.0.0.1:80", "127.0.0.1", 80, true, "127.0.0.1:80")]
    [InlineData("[::1]:65535", "::1", 65535, true, "[::1]:65535")]
    [InlineData("localhost:1", "localhost", 1, false, "localhost:1")]
    public void HostAndPort_AreParsed_LiteralAddressesNeedNoResolving(string text, string host, int port, bool literal, string shown)
    {
        var target = OutboundTarget.Parse(text);

        Assert.Equal(host, target.Host);
        Assert.Equal(port, target.Port);
        Assert.Equal(literal, target.Address is not null);
        Assert.Equal(shown, target.ToString());
    }

    [Theory]
    [InlineData("no-port")]
    [InlineData("host:")]
    [InlineData(":7000")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:-1")]
    [InlineData("::1:7000")]
    [InlineData("[::1]7000")]
    public void MalformedTarget_IsRejectedWithTheExpectedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => OutboundTarget.Parse(text));

        Assert.Contains("host:port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndPoints_BecomeTargets()
    {
        Assert.Equal(IPAddress.IPv6Loopback, OutboundTarget.From(new IPEndPoint(IPAddress.IPv6Loopback, 9)).Address);
        Assert.Null(OutboundTarget.From(new DnsEndPoint("example.test", 9)).Address);
        Assert.Equal("example.test:9", OutboundTarget.From(new DnsEndPoint("example.test", 9)).ToString());
    }
}
