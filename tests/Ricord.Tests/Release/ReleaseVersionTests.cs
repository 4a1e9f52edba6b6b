using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class ReleaseVersionTests
{
    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.10.2")]
    public void Semantic_versions_parse_and_print_back(string text) => Assert.Equal(text, ReleaseVersion.Parse(text).ToString());

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0-rc1")]
    [InlineData("01.0.0")]
    [InlineData("v1.0.0")]
    [InlineData("")]
    public void Anything_else_is_refused(string text) => Assert.Throws<ReleaseException>(() => ReleaseVersion.Parse(text));

    [Fact]
    public void Versions_order_numerically() =>
        Assert.True(ReleaseVersion.Parse("1.10.0").CompareTo(ReleaseVersion.Parse("1.9.3")) > 0);
}
