using System.Text.Json;
using Ricord.Cli.Tests.Commands;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// Selection: each selector (site, modality, project, consensus label, saved query) releases exactly what it selects
/// — compared with the full release's tables — and nothing of the rest (no read of an unselected study in
/// annotations/); a YAML spec builds; the spec recorded in manifest.json, given back with --spec, rebuilds the release
/// byte for byte.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseSelectionTests(ReleasePipeline pipeline)
{
    private List<Dictionary<string, string>> Full(string table) => CsvReader.ReadFile(Path.Combine(pipeline.Release, table));

    [Fact]
    public void Site_selects_that_sites_patients_only()
    {
        string site = Full("series.csv").Select(r => r["site"]).Order(StringComparer.Ordinal).First();
        string release = Build("site", "--site", site);
        var expected = Full("splits.csv").Where(r => r["site"] == site).Select(r => r["study_instance_uid"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Studies(release));
        AssertAnnotationsOnlyFor(release);
    }

    [Fact]
    public void Modality_selects_series_of_that_modality_only()
    {
        string release = Build("modality", "--modality", "CT");
        var series = CsvReader.ReadFile(Path.Combine(release, "series.csv"));
        Assert.Equal(Full("series.csv").Where(r => r["modality"] == "CT").Select(r => r["series_instance_uid"]), series.Select(r => r["series_instance_uid"]));
        Assert.NotEmpty(series);
    }

    [Fact]
    public void Project_selects_whose_reads_and_labels_go_in()
    {
        string release = Build("project", "--project", "RICORD-CXR");
        Assert.Equal(["RICORD-CXR.json"], Directory.GetFiles(Path.Combine(release, "annotations")).Select(Path.GetFileName));
        Assert.All(CsvReader.ReadFile(Path.Combine(release, "labels.csv")), r => Assert.Equal("RICORD-CXR", r["project"]));
        Assert.DoesNotContain(CsvReader.ReadFile(Path.Combine(release, "series.csv")), r => r["label_map"].Length > 0);
    }

    [Fact]
    public void Consensus_label_selects_the_studies_with_that_label()
    {
        var labelled = Full("labels.csv").Where(r => r["consensus_label"].Length > 0).ToList();
        var pick = labelled.GroupBy(r => (r["project"], r["group"], r["consensus_label"])).OrderBy(g => g.Count()).ThenBy(g => g.Key.Item3, StringComparer.Ordinal).First().Key;
        string release = Build("consensus", "--consensus", $"{pick.Item1}/{pick.Item2}={pick.Item3}");
        var expected = labelled.Where(r => (r["project"], r["group"], r["consensus_label"]) == pick).Select(r => r["study_instance_uid"]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, Studies(release));
        AssertAnnotationsOnlyFor(release);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(release, "manifest.json")));
        var selector = manifest.RootElement.GetProperty("spec").GetProperty("consensus")[0];
        Assert.Equal(pick.Item3, selector.GetProperty("labels")[0].GetString());
    }

    [Fact]
    public void A_saved_query_selects_the_studies_ricord_query_finds()
    {
        string patient = Full("series.csv").Where(r => r["modality"] == "CT").Select(r => r["patient_id"]).Order(StringComparer.Ordinal).Last();
        string query = Path.Combine(pipeline.Root, "saved-query.yaml");
        File.WriteAllText(query, $"# studies of one patient, as `ricord query --patient` finds them\npatient: \"{patient[..^2]}*\"\nmodality: CT\n");
        var (code, found, error) = InProcessCli.Run("query", "--collection", ReleasePipeline.Collection, "--patient", patient[..^2] + "*", "--modality", "CT", "--json", "--data", pipeline.Data);
        Assert.True(code == 0, error);
        var expected = JsonDocument.Parse(found).RootElement.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("StudyInstanceUid").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        string release = Build("query", "--query", query);
        Assert.Equal(expected, Studies(release));
    }

    [Fact]
    public void A_yaml_spec_builds_and_the_recorded_spec_rebuilds_the_same_bytes()
    {
        string site = Full("series.csv").Select(r => r["site"]).Order(StringComparer.Ordinal).Last();
        string yaml = Path.Combine(pipeline.Root, "spec.yaml");
        File.WriteAllText(yaml, $"""
            # a release spec in YAML: the same keys as JSON
            name: RC sites
            collections: [{ReleasePipeline.Collection}]
            sites:
              - "{site}"
            seed: 5
            splits: {"{"} train: 0.5, validation: 0.25, test: 0.25 {"}"}
            gzip: true
            """);
        string first = Path.Combine(pipeline.Root, "rel-yaml");
        ReleasePipeline.Run("release", "build", "--spec", yaml, "--version", "2.0.0", "--out", first, "--data", pipeline.Data);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(first, "manifest.json")));
        var spec = manifest.RootElement.GetProperty("spec");
        Assert.Equal(5, spec.GetProperty("seed").GetInt32());
        Assert.Equal(0.25, spec.GetProperty("splits").GetProperty("test").GetDouble());
        Assert.True(spec.GetProperty("gzip").GetBoolean());

        string recorded = Path.Combine(pipeline.Root, "recorded-spec.json");
        File.WriteAllText(recorded, spec.GetRawText());
        string second = Path.Combine(pipeline.Root, "rel-yaml-again");
        ReleasePipeline.Run("release", "build", "--spec", recorded, "--version", "2.0.0", "--out", second, "--data", pipeline.Data);
        var a = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(a, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.All(a, f => Assert.True(File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), f));
        Assert.All(CsvReader.ReadFile(Path.Combine(first, "series.csv")), r => Assert.Equal(site, r["site"]));
    }

    [Fact]
    public void A_spec_with_an_unknown_key_or_a_bad_selector_is_refused()
    {
        string yaml = Path.Combine(pipeline.Root, "bad-spec.yaml");
        File.WriteAllText(yaml, "collections: [RC]\nsite: [S1]\n");
        var (code, _, error) = InProcessCli.Run("release", "build", "--spec", yaml, "--version", "1.0.0", "--out", Path.Combine(pipeline.Root, "never"), "--data", pipeline.Data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("site", error, StringComparison.Ordinal);
        (code, _, error) = InProcessCli.Run("release", "build", ReleasePipeline.Collection, "--consensus", "NO-SUCH=Typical", "--version", "1.0.0", "--out", Path.Combine(pipeline.Root, "never2"), "--data", pipeline.Data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("NO-SUCH", error, StringComparison.Ordinal);
    }

    private string Build(string name, params string[] options)
    {
        string release = Path.Combine(pipeline.Root, "rel-select-" + name);
        ReleasePipeline.Run(["release", "build", ReleasePipeline.Collection, "--version", "1.0.0", "--out", release, "--data", pipeline.Data, .. options]);
        var (code, output, error) = InProcessCli.Run("release", "verify", release, "--data", pipeline.Data);
        Assert.True(code == 0, output + error);
        return release;
    }

    private static List<string> Studies(string release) =>
        [.. CsvReader.ReadFile(Path.Combine(release, "splits.csv")).Select(r => r["study_instance_uid"]).Order(StringComparer.Ordinal)];

    /// <summary>annotations/ holds reads of the released studies only.</summary>
    private static void AssertAnnotationsOnlyFor(string release)
    {
        var studies = Studies(release).ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(release, "annotations")))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var annotated = json.RootElement.GetProperty("datasets").EnumerateArray()
                .SelectMany(d => d.GetProperty("annotations").EnumerateArray()).Select(a => a.GetProperty("StudyInstanceUID").GetString()!).ToList();
            Assert.All(annotated, uid => Assert.Contains(uid, studies));
        }
    }
}
