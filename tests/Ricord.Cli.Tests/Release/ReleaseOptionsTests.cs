using System.Text.Json;
using Ricord.Cli.Tests.Commands;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>The optional layouts: gzip-compressed NIfTI (verified like plain ones), the nnU-Net v2 raw layout, and
/// croissant.json describing the tables with the manifest's hashes.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseOptionsTests(ReleasePipeline pipeline)
{
    [Fact]
    public void Gzip_and_nnunet_layouts_hold_the_same_voxels_and_croissant_lists_every_table()
    {
        string release = Path.Combine(pipeline.Root, "rel-gz-nnunet");
        ReleasePipeline.Run("release", "build", ReleasePipeline.Collection, "--version", "1.0.0", "--gzip", "--nnunet", "--out", release, "--data", pipeline.Data);
        var series = CsvReader.ReadFile(Path.Combine(release, "series.csv")).Where(r => r["nifti"].Length > 0).ToList();
        Assert.All(series, r => Assert.EndsWith(".nii.gz", r["nifti"], StringComparison.Ordinal));

        // The compressed volume is the plain build's volume.
        var plain = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv")).ToDictionary(r => r["series_instance_uid"], r => r["nifti"]);
        foreach (var row in series)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(pipeline.Release, plain[row["series_instance_uid"]])), ParallelGzip.Decompress(File.ReadAllBytes(Path.Combine(release, row["nifti"]))));
        }

        // nnU-Net: dataset.json with consecutive labels from background 0; each case is a volume with its label map.
        string dataset = Directory.GetDirectories(Path.Combine(release, "nnunet")).Single();
        Assert.StartsWith("Dataset001_", Path.GetFileName(dataset), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataset, "dataset.json")));
        var labels = json.RootElement.GetProperty("labels").EnumerateObject().Select(p => p.Value.GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, labels.Count), labels);
        Assert.Equal(".nii.gz", json.RootElement.GetProperty("file_ending").GetString());
        var cases = CsvReader.ReadFile(Path.Combine(dataset, "cases.csv"));
        Assert.Equal(series.Count(r => r["label_map"].Length > 0), cases.Count);
        Assert.Equal(cases.Count(c => c["split"] != "test"), json.RootElement.GetProperty("numTraining").GetInt32());
        foreach (var c in cases)
        {
            var row = series.Single(r => r["series_instance_uid"] == c["series_instance_uid"]);
            Assert.Equal(File.ReadAllBytes(Path.Combine(release, row["nifti"])), File.ReadAllBytes(Path.Combine(release, c["image"])));
            Assert.Equal(File.ReadAllBytes(Path.Combine(release, row["label_map"])), File.ReadAllBytes(Path.Combine(release, c["label"])));
            Assert.Matches(c["split"] == "test" ? "/imagesTs/case_\\d{4}_0000\\.nii\\.gz$" : "/imagesTr/case_\\d{4}_0000\\.nii\\.gz$", c["image"]);
        }

        // Croissant: every top-level table is a FileObject with the manifest's SHA-256 and a record set of its columns.
        using var croissant = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(release, "croissant.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(release, "manifest.json")));
        var hashes = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString());
        var objects = croissant.RootElement.GetProperty("distribution").EnumerateArray().Where(d => d.GetProperty("@type").GetString() == "cr:FileObject").ToList();
        Assert.Contains(objects, o => o.GetProperty("contentUrl").GetString() == "labels.csv");
        Assert.All(objects, o => Assert.Equal(hashes[o.GetProperty("contentUrl").GetString()!], o.GetProperty("sha256").GetString()));
        var splits = croissant.RootElement.GetProperty("recordSet").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "splits");
        Assert.Equal(["patient_id", "study_instance_uid", "site", "split", "stratum"], splits.GetProperty("field").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        var (code, output, error) = InProcessCli.Run("release", "verify", release, "--data", pipeline.Data);
        Assert.True(code == 0, output + error);
    }
}
