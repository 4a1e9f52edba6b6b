using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Catalog;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Dicom;
using Microsoft.EntityFrameworkCore;
using Ricord.Cli.Tests.Commands;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// synth (perfect readers) → ingest → project → `read import --uids original`: the stored reads rasterise to the truth
/// masks voxel for voxel and carry the truth's labels; the same through `import-ricord` for TCIA and MD.ai layouts.
/// </summary>
public sealed class ReadImportEndToEndTests(SynthRelease release) : IClassFixture<SynthRelease>
{
    private const string Curator = "cur";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reads_imported_with_original_uids_are_the_truth_and_round_trip()
    {
        string data = release.NewFolder("data");
        var (code, output, error) = InProcessCli.Run("ingest", release.Dicom, "--collection", "SYN", "--site", "419639", "--data", data);
        Assert.True(code is ExitCodes.Success or ExitCodes.PartialSuccess, error);
        string schema = Path.Combine(data, "..", "ricord-ct-" + Guid.NewGuid().ToString("N")[..6] + ".json");
        File.WriteAllText(schema, InProcessCli.Run("schema", "show", "ricord-ct", "--json").Out);
        (code, output, error) = InProcessCli.Run("schema", "import", schema, "--as", Curator, "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains("schema ricord-ct v1: created", output, StringComparison.Ordinal);
        Assert.Contains("unchanged", InProcessCli.Run("schema", "import", schema, "--as", Curator, "--data", data).Out, StringComparison.Ordinal);
        Assert.Equal(0, InProcessCli.Run("project", "create", "ct", "--collection", "SYN", "--schema", "ricord-ct", "--modality", "CT", "--as", Curator, "--data", data).Code);

        (code, output, error) = InProcessCli.Run("read", "import", release.CtExport, "--project", "ct", "--uids", "original", "--as", Curator, "--data", data);
        Assert.True(code == 0, output + error);
        int reads = release.CtStudies.Sum(s => s.GetProperty("readers").GetInt32());
        Assert.Contains($"project ct: {reads} imported, 0 replaced, 0 unchanged, 0 conflicts, 0 rejected, 0 for unknown studies", output, StringComparison.Ordinal);
        Assert.All(release.Identifiers, id => Assert.DoesNotContain(id, output, StringComparison.Ordinal));

        using (var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data }))
        {
            var stored = await Export(dir).GetReadsAsync(new ReadingActor(Curator, ReadingRole.Curator), "ct", false, None);
            release.AssertCtReadsMatchTruth(stored, ReadImportOptions.OriginalUids(dir.LinkTable));
            await AssertBlindedAsync(dir, stored);
        }

        // The radiographs: three readers each, labels exactly the truth's.
        File.WriteAllText(schema, InProcessCli.Run("schema", "show", "ricord-cxr", "--json").Out);
        Assert.Equal(0, InProcessCli.Run("schema", "import", schema, "--as", Curator, "--data", data).Code);
        Assert.Equal(0, InProcessCli.Run("project", "create", "cxr", "--collection", "SYN", "--schema", "ricord-cxr", "--modality", "CR,DX", "--rule", "any-disagreement", "--as", Curator, "--data", data).Code);
        (code, output, error) = InProcessCli.Run("read", "import", release.CxrExport, "--project", "cxr", "--uids", "original", "--as", Curator, "--data", data);
        Assert.True(code == 0, output + error);
        using (var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data }))
        {
            var stored = await Export(dir).GetReadsAsync(new ReadingActor(Curator, ReadingRole.Curator), "cxr", false, None);
            release.AssertCxrReadsMatchTruth(stored, ReadImportOptions.OriginalUids(dir.LinkTable));
        }

        // Again: nothing changes. Out as MD.ai and back: nothing changes; into a new project: the same reads.
        (code, output, _) = InProcessCli.Run("read", "import", release.CtExport, "--project", "ct", "--uids", "original", "--as", Curator, "--data", data);
        Assert.Equal(0, code);
        Assert.Contains($"project ct: 0 imported, 0 replaced, {reads} unchanged", output, StringComparison.Ordinal);
        string exported = Path.Combine(release.NewFolder("export"), "ct-reads.json");
        (code, output, error) = InProcessCli.Run("read", "export", "--project", "ct", "-o", exported, "--as", Curator, "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains("wrote ct-reads.json", output, StringComparison.Ordinal);
        long written = new FileInfo(exported).Length;
        (code, _, error) = InProcessCli.Run("read", "export", "--project", "ct", "-o", exported, "--as", Curator, "--data", data);
        Assert.Equal(ExitCodes.OutputNotEmpty, code);
        Assert.Contains("ct-reads.json exists; pass --force", error, StringComparison.Ordinal);
        Assert.Equal(written, new FileInfo(exported).Length);
        Assert.Equal(0, InProcessCli.Run("read", "export", "--project", "ct", "-o", exported, "--force", "--as", Curator, "--data", data).Code);
        Assert.Contains($"{reads} unchanged", InProcessCli.Run("read", "import", exported, "--project", "ct", "--as", Curator, "--data", data).Out, StringComparison.Ordinal);
        Assert.Equal(0, InProcessCli.Run("project", "create", "ct2", "--collection", "SYN", "--schema", "ricord-ct", "--modality", "CT", "--as", Curator, "--data", data).Code);
        Assert.Contains($"project ct2: {reads} imported", InProcessCli.Run("read", "import", exported, "--project", "ct2", "--as", Curator, "--data", data).Out, StringComparison.Ordinal);
        using (var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data }))
        {
            var curator = new ReadingActor(Curator, ReadingRole.Curator);
            Assert.Equal(Canonical(await Export(dir).GetReadsAsync(curator, "ct", false, None)), Canonical(await Export(dir).GetReadsAsync(curator, "ct2", false, None)));
        }

        // Bad input: labels the schema lacks (radiograph reads into the CT project), an unknown project, a missing file, a broken schema.
        (code, output, _) = InProcessCli.Run("read", "import", release.CxrExport, "--project", "ct", "--uids", "original", "--as", Curator, "--data", data);
        Assert.Equal(ExitCodes.PartialSuccess, code);
        Assert.Contains("label not in the schema (left out): '", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, InProcessCli.Run("read", "import", exported, "--project", "nope", "--as", Curator, "--data", data).Code);
        Assert.Equal(ExitCodes.FileNotFound, InProcessCli.Run("read", "import", exported + ".missing", "--project", "ct", "--data", data).Code);
        File.WriteAllText(schema, """{ "name": "x", "version": 1, "groups": [ { "name": "g", "scope": "nowhere", "mode": "singleChoice", "labels": [] } ] }""");
        (code, _, error) = InProcessCli.Run("schema", "import", schema, "--data", data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("not a valid label schema", error, StringComparison.Ordinal);
    }

    /// <summary>By default the release's identifiers are kept as published (every UID and PatientID joins back to TCIA);
    /// with --deidentify the full profile runs and the reads are remapped the same way.</summary>
    [Theory]
    [InlineData("tcia", false)]
    [InlineData("mdai", true)]
    [InlineData("mdai", false)]
    public async Task Import_ricord_loads_a_published_layout(string layout, bool deidentify)
    {
        string images = release.NewFolder(layout), data = release.NewFolder("data");
        if (layout == "tcia")
        {
            ReleaseLayouts.Tcia(release.CtFiles, images);
        }
        else
        {
            ReleaseLayouts.Mdai(release.CtFiles, images);
        }

        string[] args = ["import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", "MIDRC-RICORD-1A", "--site", "419639",
            "--clinical", release.CtClinical(), "--as", Curator, "--data", data, .. deidentify ? new[] { "--deidentify" } : []];
        var (code, output, error) = InProcessCli.Run(args);
        Assert.True(code == 0, output + error);
        Assert.Contains("plan: complete", output, StringComparison.Ordinal);
        Assert.Contains($"layout {(layout == "tcia" ? "TciaNbia" : "MdaiUid")}", output, StringComparison.Ordinal);
        Assert.Contains("project MIDRC-RICORD-1A-reads: created", output, StringComparison.Ordinal);
        Assert.Contains($"{release.CtStudies.Select(s => s.GetProperty("patientId").GetString()).Distinct().Count()} records stored", output, StringComparison.Ordinal);
        Assert.Contains("import-ricord: complete", output, StringComparison.Ordinal);
        Assert.All(release.Identifiers, id => Assert.DoesNotContain(id, output, StringComparison.Ordinal));

        using (var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data }))
        {
            var stored = await Export(dir).GetReadsAsync(new ReadingActor(Curator, ReadingRole.Curator), "MIDRC-RICORD-1A-reads", false, None);
            release.AssertCtReadsMatchTruth(stored, deidentify ? ReadImportOptions.OriginalUids(dir.LinkTable) : uid => uid);
            await AssertIdentifiersAsync(dir, deidentify);
        }

        // Running it again adds nothing.
        (code, output, error) = InProcessCli.Run(args);
        Assert.True(code == 0, output + error);
        Assert.Contains("project MIDRC-RICORD-1A-reads: exists", output, StringComparison.Ordinal);
        Assert.Contains(" 0 imported, 0 replaced, ", output, StringComparison.Ordinal);
    }

    /// <summary>As published: the catalog holds exactly the release's Study/Series/SOP Instance UIDs, PatientIDs and study
    /// dates, and the collection says so; de-identified: none of them.</summary>
    private async Task AssertIdentifiersAsync(RicordDataDirectory dir, bool deidentify)
    {
        await using var db = dir.Catalog.CreateContext();
        var published = release.CtFiles.Select(f => DicomFile.Open(f).Dataset).Select(d => (
            Study: d.GetString(DicomTags.StudyInstanceUID)!, Series: d.GetString(DicomTags.SeriesInstanceUID)!, Sop: d.GetString(DicomTags.SOPInstanceUID)!,
            Patient: d.GetString(DicomTags.PatientID)!, Date: d.GetDate(DicomTags.StudyDate))).ToList();
        var stored = await db.Instances.Select(i => new { i.SopInstanceUid, Series = i.Series!.SeriesInstanceUid, Study = i.Series.Study!.StudyInstanceUid,
            i.Series.Study.StudyDate, Patient = i.Series.Study.Patient!.PseudonymousId }).ToListAsync();
        var collection = await db.Collections.SingleAsync(c => c.Name == "MIDRC-RICORD-1A");
        Assert.Equal(published.Count, stored.Count);
        if (deidentify)
        {
            Assert.Null(collection.Description);
            Assert.Empty(stored.Select(s => s.SopInstanceUid).Intersect(published.Select(p => p.Sop)));
            Assert.Empty(stored.Select(s => s.Patient).Intersect(published.Select(p => p.Patient)));
            return;
        }

        Assert.Equal(IngestOptions.PublishedDescription, collection.Description);
        Assert.Equal(published.Select(p => $"{p.Sop} {p.Series} {p.Study} {p.Patient} {p.Date}").Order(StringComparer.Ordinal),
            stored.Select(s => $"{s.SopInstanceUid} {s.Series} {s.Study} {s.Patient} {s.StudyDate}").Order(StringComparer.Ordinal));
    }

    private static ReadExportService Export(RicordDataDirectory dir) => new(ReadingDefaults.Options(dir.CatalogOptions));

    /// <summary>Each reader sees only their own reads, also when they were imported.</summary>
    private static async Task AssertBlindedAsync(RicordDataDirectory dir, IReadOnlyList<MdaiRead> stored)
    {
        var reading = new ReadingService(ReadingDefaults.Options(dir.CatalogOptions));
        var readers = stored.Select(r => r.Reader).Distinct().ToList();
        Assert.True(readers.Count >= 2, "the synth release has one CT team only");
        var worklists = new Dictionary<string, IReadOnlyList<WorkItem>>();
        foreach (var r in readers)
        {
            worklists[r] = await reading.GetWorklistAsync(new ReadingActor(r, ReadingRole.Reader), "ct", None);
            Assert.Equal(stored.Count(s => s.Reader == r), worklists[r].Count);
        }

        var (first, second) = (new ReadingActor(readers[0], ReadingRole.Reader), worklists[readers[1]][0]);
        await Assert.ThrowsAsync<ReadingAccessException>(() => reading.GetReadAsync(first, second.ReadId, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => reading.GetStudyReadsAsync(first, "ct", second.StudyInstanceUid, None));
    }

    private static List<string> Canonical(IReadOnlyList<MdaiRead> reads) =>
        [.. reads.Select(r => System.Text.Json.JsonSerializer.Serialize(r with { Content = r.Content with {
            Labels = [.. r.Content.Labels.OrderBy(l => l.ToString(), StringComparer.Ordinal)],
            Shapes = [.. r.Content.Shapes.OrderBy(s => s.SopInstanceUid, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.Ordinal)] } }))
            .Order(StringComparer.Ordinal)];
}
