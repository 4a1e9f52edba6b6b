using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class ReleaseDiffTests
{
    [Theory]
    [InlineData("1.0.0", "1.0.1", false, false, true)]
    [InlineData("1.0.0", "1.0.1", true, false, false)]
    [InlineData("1.0.0", "1.1.0", true, false, true)]
    [InlineData("1.0.0", "1.1.0", false, true, false)]
    [InlineData("1.4.2", "2.0.0", true, true, true)]
    [InlineData("1.0.0", "1.0.0", false, false, false)]
    [InlineData("2.0.0", "1.9.9", false, false, false)]
    public void A_patch_changes_no_data_a_minor_adds_or_withdraws_only_a_major_relabels(string from, string to, bool addsData, bool relabels, bool valid)
    {
        var diff = new ReleaseDiff(from, to, [], [], addsData ? ["1.2.3"] : [], [], [], [],
            relabels ? [new ReleaseRelabel("1.2.9", "P", "Appearance", "Typical", "Atypical")] : [], [], 0);
        Assert.Equal(relabels ? ReleaseChange.Major : addsData ? ReleaseChange.Minor : ReleaseChange.Patch, diff.Change);
        Assert.Equal(valid, diff.VersionIsValid);
        Assert.Equal(valid, diff.VersionProblem is null);
    }

    [Fact]
    public void A_split_change_is_major()
    {
        var diff = new ReleaseDiff("1.0.0", "1.1.0", [], [], [], [], [], [], [], [new ReleaseSplitMove("RC-1-000001", "train", "test")], 0);
        Assert.Equal(ReleaseChange.Major, diff.Change);
        Assert.Contains("need a major version step", diff.VersionProblem, StringComparison.Ordinal);
        Assert.Contains("RC-1-000001: train → test", diff.ToMarkdown(), StringComparison.Ordinal);
    }
}
