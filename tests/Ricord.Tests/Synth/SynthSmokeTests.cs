namespace Ricord.Tests.Synth;

public sealed class SynthSmokeTests(SynthFixture fixture) : IClassFixture<SynthFixture>
{
    [Fact]
    public void Writes_instances()
    {
        Assert.True(fixture.Result.Instances > 0);
    }
}
