using Ricord.Cli.Tests.Commands;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>Later versions of the pipeline's release: withdrawals honoured and carried forward, CHANGES.md, the
/// semantic-version rule enforced at build and by `ricord release diff`.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseVersionsTests(ReleasePipeline pipeline)
{
    [Fact]
    public void A_withdrawn_study_disappears_needs_a_minor_version_stays_withdrawn_and_is_in_the_change_log()
    {
        var splits = CsvReader.ReadFile(Path.Combine(pipeline.Release, "splits.csv"));
        string study = splits[0]["study_instance_uid"];
        string withdrawn = Path.Combine(pipeline.Root, "withdraw.csv");
        File.WriteAllText(withdrawn, $"id,reason\n{study},consent withdrawn\n");

        // A patch may not withdraw data.
        string patch = Path.Combine(pipeline.Root, "rel-1.0.1");
        var (code, _, error) = InProcessCli.Run("release", "build", ReleasePipeline.Collection, "--version", "1.0.1", "--out", patch,
            "--previous", pipeline.Release, "--withdrawn", withdrawn, "--data", pipeline.Data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("need a minor version step", error, StringComparison.Ordinal);

        string minor = Path.Combine(pipeline.Root, "rel-1.1.0-withdrawn");
        ReleasePipeline.Run("release", "build", ReleasePipeline.Collection, "--version", "1.1.0", "--out", minor, "--previous", pipeline.Release,
            "--withdrawn", withdrawn, "--data", pipeline.Data);
        Assert.DoesNotContain(CsvReader.ReadFile(Path.Combine(minor, "splits.csv")), r => r["study_instance_uid"] == study);
        Assert.DoesNotContain(CsvReader.ReadFile(Path.Combine(minor, "instances.csv")), r => r["study_instance_uid"] == study);
        Assert.False(Directory.EnumerateDirectories(Path.Combine(minor, "dicom"), study, SearchOption.AllDirectories).Any());
        string changes = File.ReadAllText(Path.Combine(minor, "CHANGES.md"));
        Assert.Contains("Change class: **minor**", changes, StringComparison.Ordinal);
        Assert.Contains($"- {study}", changes, StringComparison.Ordinal);
        Assert.Equal(study, CsvReader.ReadFile(Path.Combine(minor, "withdrawn.csv")).Single()["id"]);

        // `release diff` agrees, and refuses a version that does not grow; the next version, built from 1.1.0 without
        // --withdrawn, keeps the study out.
        var (diffCode, diffOut, _) = InProcessCli.Run("release", "diff", pipeline.Release, minor);
        Assert.Equal(0, diffCode);
        Assert.Contains("Studies removed (withdrawn) (1)", diffOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, InProcessCli.Run("release", "diff", minor, pipeline.Release).Code);
        string next = Path.Combine(pipeline.Root, "rel-1.1.1");
        ReleasePipeline.Run("release", "build", ReleasePipeline.Collection, "--version", "1.1.1", "--out", next, "--previous", minor, "--data", pipeline.Data);
        Assert.DoesNotContain(CsvReader.ReadFile(Path.Combine(next, "splits.csv")), r => r["study_instance_uid"] == study);
        Assert.Contains("Change class: **patch**", File.ReadAllText(Path.Combine(next, "CHANGES.md")), StringComparison.Ordinal);
        Assert.Equal(0, InProcessCli.Run("release", "verify", next, "--data", pipeline.Data).Code);
    }
}
