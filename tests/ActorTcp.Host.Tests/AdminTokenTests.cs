using ActorTcp.Host.Admin;

namespace ActorTcp.Host.Tests;

public sealed class AdminTokenTests
{
    [Theory]
    [InlineData("Bearer s3cret", true)]
    [InlineData("bearer s3cret", true)]
    [InlineData("Bearer s3cret2", false)]
    [InlineData("Bearer s3cre", false)]
    [InlineData("Basic s3cret", false)]
    [InlineData("s3cret", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SetToken_AcceptsOnlyTheBearerToken(string? authorization, bool accepted) =>
        Assert.Equal(accepted, new AdminToken("s3cret").Accepts(authorization));

    [Fact]
    public void EmptyToken_RequiresNothing()
    {
        // Arrange
        var token = new AdminToken(string.Empty);

        // Act and assert
        Assert.False(token.IsRequired);
        Assert.True(token.Accepts(null));
    }
}
