using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Cli.Tests.Commands;
using Ricord.Hosting;
using Ricord.Ingest;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// The must-show of issue 18: a release laid out exactly as published (<see cref="PublishedRelease"/>) through
/// `import-ricord`: every published UID and PatientID survives unchanged, no image is quarantined for its missing
/// Manufacturer, the withdrawn study is left out, the reads are the release's (no new assignment), and `ricord consensus`
/// and `ricord agreement --segmentation` give exactly what an independent numpy script computes from the same files.
/// </summary>
public sealed partial class PublishedReleaseEndToEndTests
{
    [Fact]
    public async Task A_release_as_published_imports_with_its_identifiers_reads_consensus_volumes_and_dice()
    {
        using var synth = SynthRelease.Synthesize("--seed", "9", "--sites", "1", "--ct-patients", "2", "--cxr-patients", "4", "--slices", "12",
            "--cxr-size", "64", "--reader-accuracy", "0.7");
        var release = new PublishedRelease(synth);
        string data = synth.NewFolder("data");

        // First without the withdrawn list (as a user who learns of it later), then with it: the second run leaves the study
        // out of the import and removes what the first stored of it.
        var first = InProcessCli.Run("import-ricord", "--annotations", release.CxrZip, "--images", release.CxrImages, "--as", "cur", "--data", data);
        Assert.True(first.Code == 0, first.Out + first.Err);
        Assert.Contains("flagged: 2 reads kept whole", first.Out, StringComparison.Ordinal);
        Assert.Contains("conflicting labels in single-choice group 'Appearance'", first.Out, StringComparison.Ordinal);
        Assert.Contains("on a read whose 'Appearance' is 'Negative for Pneumonia': kept, no vote", first.Out, StringComparison.Ordinal);
        var cxr = InProcessCli.Run("import-ricord", "--annotations", release.CxrZip, "--images", release.CxrImages, "--withdrawn", release.WithdrawnList,
            "--as", "cur", "--data", data);
        Assert.True(cxr.Code == 0, cxr.Out + cxr.Err);
        Assert.Matches(@"withdrawn: 1 UIDs listed; left out 1 studies, [1-9]\d* instances, [1-9]\d* annotations", cxr.Out);
        Assert.Matches(@"withdrawn: removed from the catalog 1 studies, [1-9]\d* series, [1-9]\d* instances, [2-9] reads \(0 reads lost drawings on a withdrawn series\), [1-9]\d* blobs", cxr.Out);

        var ct = InProcessCli.Run("import-ricord", "--annotations", release.CtExport, "--images", release.CtImages, "--as", "cur", "--data", data);
        Assert.True(ct.Code == ExitCodes.PartialSuccess, ct.Out + ct.Err); // the plan names a SOP the images lack
        Assert.Contains("skipped 1 annotations on an instance not in the images (the rest of each read is kept): A_unknown", ct.Out, StringComparison.Ordinal);
        Assert.Contains(" 0 rejected, ", ct.Out, StringComparison.Ordinal);
        foreach (var text in new[] { first.Out, first.Err, cxr.Out, cxr.Err, ct.Out, ct.Err })
        {
            Assert.DoesNotContain(synth.Root, text, StringComparison.Ordinal);
        }

        await AssertCatalogAsync(release, data);

        // The second of the README's commands: a release of both collections, with the nnU-Net layout; the withdrawn study is in no file of it.
        string built = Path.Combine(synth.NewFolder("release"), "ricord-1.0.0");
        var build = InProcessCli.Run("release", "build", "MIDRC-RICORD-1A", "MIDRC-RICORD-1C", "--version", "1.0.0", "--out", built, "--nnunet", "--data", data);
        Assert.True(build.Code == 0, build.Out + build.Err);
        Assert.Single(Directory.GetFiles(built, "dataset.json", SearchOption.AllDirectories));
        Assert.Contains(release.CxrStudies[0], File.ReadAllText(Path.Combine(built, "labels.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(built, "*", SearchOption.AllDirectories), p => p.Contains(release.Withdrawn, StringComparison.Ordinal));
        foreach (string file in Directory.GetFiles(built, "*", SearchOption.AllDirectories).Where(f => Path.GetExtension(f) is ".csv" or ".json" or ".md"))
        {
            Assert.DoesNotContain(release.Withdrawn, File.ReadAllText(file), StringComparison.Ordinal);
        }
        var expected = Expected(release);
        var consensus = InProcessCli.Run("consensus", "--project", "MIDRC-RICORD-1C-reads", "--format", "json", "--as", "cur", "--data", data);
        AssertConsensus(expected, consensus);
        AssertPublishedIdentifiers(consensus.Out, "studies",
            InProcessCli.Run("consensus", "--project", "MIDRC-RICORD-1C-reads", "--format", "csv", "--as", "cur", "--data", data),
            InProcessCli.Run("consensus", "--project", "MIDRC-RICORD-1C-reads", "--as", "cur", "--data", data));
        // Agreement over reads kept whole: the conflicting read is left out of that group, as in consensus, not an error.
        var agreement = InProcessCli.Run("agreement", "--project", "MIDRC-RICORD-1C-reads", "--bootstrap", "0", "--format", "csv", "--as", "cur", "--data", data);
        Assert.True(agreement.Code == 0, agreement.Out + agreement.Err);
        Assert.Contains("label,Appearance,", agreement.Out, StringComparison.Ordinal);
        var segmentation = InProcessCli.Run("agreement", "--project", "MIDRC-RICORD-1A-reads", "--segmentation", "--bootstrap", "0",
            "--format", "json", "--as", "cur", "--data", data);
        AssertSegmentation(expected, segmentation);
        AssertPublishedIdentifiers(segmentation.Out, "segmentations",
            InProcessCli.Run("agreement", "--project", "MIDRC-RICORD-1A-reads", "--segmentation", "--bootstrap", "0", "--format", "csv", "--as", "cur", "--data", data),
            InProcessCli.Run("agreement", "--project", "MIDRC-RICORD-1A-reads", "--segmentation", "--bootstrap", "0", "--as", "cur", "--data", data));
    }

    /// <summary>Every published identifier of every image not withdrawn, exactly; nothing quarantined; the release's reads
    /// only (no read assigned to anyone).</summary>
    private static async Task AssertCatalogAsync(PublishedRelease release, string data)
    {
        using var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data });
        await using var db = dir.Catalog.CreateContext();
        var stored = await db.Instances.Select(i => new { i.SopInstanceUid, Series = i.Series!.SeriesInstanceUid, Study = i.Series.Study!.StudyInstanceUid,
            i.Series.Study.StudyDate, Patient = i.Series.Study.Patient!.PseudonymousId }).ToListAsync();
        Assert.Equal(release.Identifiers.Where(i => !i.StartsWith(release.Withdrawn, StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            stored.Select(s => $"{s.Study} {s.Series} {s.SopInstanceUid} {s.Patient} {s.StudyDate}").Order(StringComparer.Ordinal));
        Assert.Contains(stored, s => s.SopInstanceUid == PublishedRelease.Twin);
        Assert.Empty(await db.QuarantineEntries.ToListAsync());
        Assert.All(await db.Collections.ToListAsync(), c => Assert.Equal(IngestOptions.PublishedDescription, c.Description));
        Assert.Empty(await db.Reads.Where(r => r.State == ReadState.Assigned).ToListAsync());
        Assert.Empty(await db.ProjectMembers.Where(m => m.Active).ToListAsync());
        Assert.DoesNotContain(release.Withdrawn, await db.ProjectStudies.Select(p => p.StudyInstanceUid).ToListAsync());
        Assert.Equal([$"study {release.Withdrawn} of MIDRC-RICORD-1C"], await db.AuditEvents.Where(e => e.Action == "withdraw").Select(e => e.Target).ToListAsync());
    }

    private static JsonElement Expected(PublishedRelease release)
    {
        string output = Path.Combine(Path.GetDirectoryName(release.CtExport)!, "expected.json");
        string script = Path.Combine(Path.GetDirectoryName(release.CtExport)!, "expected.py");
        File.WriteAllText(script, PublishedReleaseExpected.Script);
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, release.CxrZip, release.CtExport, release.WithdrawnList, release.CtImages, output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "numpy expectation failed: " + err);
        return JsonDocument.Parse(File.ReadAllText(output)).RootElement;
    }

    private static string Norm(string? s) => s is null ? "" : Space().Replace(s, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
