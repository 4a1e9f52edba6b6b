using System.Text.Json;
using Ricord.Cli.Tests.Commands;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;
using Ricord.Release;
using Ricord.Synth;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// From `ricord synth` to a verified release (issue 16): NIfTI voxels and affine against dcm2niix on the same series,
/// label maps against the generator's ground truth, splits, byte-identical rebuild, and verify catching a flipped byte
/// and planted identifiers.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseEndToEndTests(ReleasePipeline pipeline)
{
    [Fact]
    public void Every_ct_volume_is_dcm2niix_s_volume_of_the_same_series()
    {
        var rows = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv"));
        var volumes = rows.Where(r => r["nifti"].Length > 0).ToList();
        Assert.True(volumes.Count >= 6, pipeline.BuildOutput);
        Assert.Contains(volumes, r => r["series_description"].StartsWith("COR", StringComparison.Ordinal));
        foreach (var row in volumes)
        {
            string seriesDir = Path.GetDirectoryName(Path.Combine(pipeline.Release, CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv"))
                .First(i => i["series_instance_uid"] == row["series_instance_uid"])["path"]))!;
            string output = Directory.CreateTempSubdirectory("ricord-d2n-").FullName;
            try
            {
                var (code, stdout, stderr) = Peer.Run("dcm2niix", "-z", "n", "-b", "n", "-f", "v", "-o", output, seriesDir);
                Assert.True(code == 0, stdout + stderr);
                var theirs = NiftiFile.Read(Path.Combine(output, "v.nii"));
                var ours = NiftiFile.Read(Path.Combine(pipeline.Release, row["nifti"]));
                Assert.Equal(theirs.Dims, ours.Dims);
                Assert.True(ours.MaxSformDifference(theirs) < 1e-4, $"{row["nifti"]}: sform differs from dcm2niix's by {ours.MaxSformDifference(theirs)}");
                Assert.Equal((theirs.Slope, theirs.Intercept), (ours.Slope, ours.Intercept));
                Assert.Equal(theirs.DataType, ours.DataType);
                Assert.True(theirs.Voxels.AsSpan().SequenceEqual(ours.Voxels), $"{row["nifti"]}: voxels differ from dcm2niix's");
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }

        // Series that form no volume are listed with the reason (the synthetic studies' localizers).
        Assert.All(rows.Where(r => r["volume_status"] == "excluded"), r => Assert.NotEmpty(r["volume_reason"]));
        Assert.Contains(rows, r => r["volume_status"] == "excluded" && r["volume_reason"].Contains("localizer", StringComparison.Ordinal));
    }

    [Fact]
    public void Label_maps_are_the_generators_ground_truth_voxel_for_voxel()
    {
        using var links = new SqliteLinkTable(Path.Combine(pipeline.Data, "secrets", "link.db"));
        var uids = new UidRemapper(DeidProfile.Ricord.UidRoot, links.GetKey());
        var series = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv")).ToDictionary(r => r["series_instance_uid"]);
        var instances = CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv")).ToLookup(r => r["series_instance_uid"], r => r["path"]);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Release, "manifest.json")));
        var values = manifest.RootElement.GetProperty("segmentationLabels").EnumerateArray()
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("value").GetInt32());
        int compared = 0;
        foreach (var truth in pipeline.Truth.RootElement.GetProperty("ctStudies").EnumerateArray().SelectMany(s => s.GetProperty("series").EnumerateArray())
            .Where(s => s.GetProperty("annotated").GetBoolean()))
        {
            var row = series[uids.Remap(truth.GetProperty("seriesInstanceUid").GetString()!)];
            long truthVoxels = truth.GetProperty("masks").EnumerateObject().Sum(m => m.Value.GetProperty("voxels").GetInt64());
            if (truthVoxels == 0)
            {
                Assert.Equal("", row["label_map"]); // a negative study: nothing drawn, no label map
                continue;
            }

            var volume = SeriesVolume.Assemble(instances[row["series_instance_uid"]].Select(p => DicomFile.Open(Path.Combine(pipeline.Release, p))));
            var slice = volume.SopInstanceUids.Select((u, k) => (u, k)).ToDictionary(x => x.u, x => x.k);
            var map = NiftiFile.Read(Path.Combine(pipeline.Release, row["label_map"]));
            Assert.Equal(1002, map.Intent);
            var truthUids = truth.GetProperty("sopInstanceUids").EnumerateArray().Select(u => uids.Remap(u.GetString()!)).ToList();
            int rows = volume.Rows, columns = volume.Columns;
            foreach (var mask in truth.GetProperty("masks").EnumerateObject())
            {
                var expected = new HashSet<long>();
                foreach (var (k, pixels) in MaskRleWriter.Read(Path.Combine(pipeline.Synth, mask.Value.GetProperty("file").GetString()!)))
                {
                    int z = slice[truthUids[k]];
                    for (int p = 0; p < pixels.Length; p++)
                    {
                        if (pixels[p] != 0)
                        {
                            // NIfTI rows run bottom-up (dcm2niix's flip): voxel (column, rows-1-row, z).
                            expected.Add(((long)z * rows * columns) + ((rows - 1 - (p / columns)) * columns) + (p % columns));
                        }
                    }
                }

                var actual = Enumerable.Range(0, map.Voxels.Length).Where(v => map.Voxels[v] == values[mask.Name]).Select(v => (long)v).ToHashSet();
                Assert.Equal(expected.Count, actual.Count);
                double dice = expected.Count == 0 ? 1 : 2.0 * expected.Intersect(actual).Count() / (expected.Count + actual.Count);
                Assert.True(dice == 1.0, $"{mask.Name}: Dice {dice}");
                compared += expected.Count > 0 ? 1 : 0;
            }
        }

        Assert.True(compared > 0, "no drawn label was compared");
    }

    [Fact]
    public void Splits_hold_each_patient_in_one_set_and_are_kept_by_a_later_version()
    {
        var splits = CsvReader.ReadFile(Path.Combine(pipeline.Release, "splits.csv"));
        Assert.All(splits.GroupBy(r => r["patient_id"]), g => Assert.Single(g.Select(r => r["split"]).Distinct()));
        var patients = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv")).Select(r => r["patient_id"]).ToHashSet();
        Assert.Equal(patients, splits.Select(r => r["patient_id"]).ToHashSet());
        Assert.True(splits.Select(r => r["split"]).Distinct().Count() >= 2, "every patient went to one split");

        // Another seed gives other splits; a later version built with --previous keeps every patient's split.
        string spec = Path.Combine(pipeline.Root, "seed9.json");
        File.WriteAllText(spec, """{ "collections": ["RC"], "seed": 9 }""");
        string later = Path.Combine(pipeline.Root, "rel-1.1.0");
        ReleasePipeline.Run("release", "build", "--spec", spec, "--version", "1.1.0", "--out", later, "--previous", pipeline.Release, "--data", pipeline.Data);
        var kept = CsvReader.ReadFile(Path.Combine(later, "splits.csv")).ToDictionary(r => r["study_instance_uid"], r => r["split"]);
        Assert.All(splits, r => Assert.Equal(r["split"], kept[r["study_instance_uid"]]));
        Assert.Contains("\"seed\": 9", File.ReadAllText(Path.Combine(later, "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuild_from_the_same_catalog_is_byte_identical()
    {
        var first = Files(pipeline.Release);
        var second = Files(pipeline.Rebuild);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, f => Assert.True(f.Value.AsSpan().SequenceEqual(second[f.Key]), $"{f.Key} differs between builds"));
        Assert.Contains("README.md", first.Keys);
        Assert.Contains(first.Keys, k => k.StartsWith("annotations/", StringComparison.Ordinal));
        Assert.Contains(first.Keys, k => k.EndsWith("_labels.nii", StringComparison.Ordinal));

        // The optional outputs (by-UID layout, JPEG-LS, per-label masks, PNG radiographs, label map SEG, MSD) rebuild byte for byte too.
        var options = Files(pipeline.WithOptions);
        var again = Files(pipeline.WithOptions + "-again");
        Assert.Equal(options.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        Assert.All(options, f => Assert.True(f.Value.AsSpan().SequenceEqual(again[f.Key]), $"{f.Key} differs between builds with options"));
        foreach (string part in new[] { "_label-1.nii", "_labelmap.dcm", ".png", "decathlon/", "dataset.json" })
        {
            Assert.Contains(options.Keys, k => k.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Tables_describe_every_column_and_hold_no_formula()
    {
        var dictionary = CsvReader.ReadFile(Path.Combine(pipeline.Release, "data_dictionary.csv")).Select(r => (r["table"], r["column"])).ToHashSet();
        foreach (string table in new[] { "labels.csv", "series.csv", "instances.csv", "clinical.csv", "splits.csv", "withdrawn.csv" })
        {
            var rows = CsvReader.Parse(File.ReadAllText(Path.Combine(pipeline.Release, table)));
            Assert.True(rows.Count >= (table == "withdrawn.csv" ? 1 : 2), table);
            Assert.All(rows[0], column => Assert.Contains((table, column), dictionary));
            Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t', $"{table}: formula cell"));
        }

        var labels = CsvReader.ReadFile(Path.Combine(pipeline.Release, "labels.csv"));
        Assert.Contains(labels, r => r["project"] == "RICORD-CT" && r["group"] == "Appearance" && r["consensus_label"].Length > 0);
        Assert.Contains(labels, r => r["project"] == "RICORD-CXR" && r["reads"] == "3" && r["reader_labels"].Split(';').Length == 3);
    }

    [Fact]
    public void Verify_passes_and_catches_a_flipped_byte_and_planted_identifiers()
    {
        var (code, output, error) = InProcessCli.Run("release", "verify", pipeline.Release, "--data", pipeline.Data);
        Assert.True(code == 0, output + error);
        Assert.Contains("verified", output, StringComparison.Ordinal);

        string copy = Path.Combine(pipeline.Root, "tampered");
        CopyTree(pipeline.Release, copy);
        // A flipped voxel byte: the hash, and the voxels against the DICOM. A flipped SEG pixel bit: its frames against the label map.
        foreach (var (folder, pattern, mask, expected) in new[] { ("nifti", "*.nii", (byte)0x01, "voxels differ"), ("seg", "*.dcm", (byte)0x80, "differs from the label map") })
        {
            string file = Directory.EnumerateFiles(Path.Combine(copy, folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            var bytes = File.ReadAllBytes(file);
            bytes[^1] ^= mask;
            File.WriteAllBytes(file, bytes);
            (code, output, _) = InProcessCli.Run("release", "verify", copy, "--data", pipeline.Data);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("SHA-256 differs", output, StringComparison.Ordinal);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            bytes[^1] ^= mask;
            File.WriteAllBytes(file, bytes);
        }

        // An original patient ID (from the link table) planted in the card, and a patient name given with --identifiers.
        var phi = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Synth, "phi-manifest.json"))).RootElement.EnumerateArray().ToList();
        string mrn = LinkTableIdentifiers.Read(Path.Combine(pipeline.Data, "secrets", "link.db"))[0];
        string name = phi.First(e => e.GetProperty("kind").GetString() == "PatientName" && e.GetProperty("characterSet").GetString() != "ISO_IR 192").GetProperty("value").GetString()!;
        File.AppendAllText(Path.Combine(copy, "README.md"), $"\nseen: {mrn}\n");
        File.AppendAllText(Path.Combine(copy, "clinical.csv"), $"x,{name}\n", System.Text.Encoding.Latin1);
        string names = Path.Combine(pipeline.Root, "names.txt");
        File.WriteAllLines(names, [name]);
        (code, output, _) = InProcessCli.Run("release", "verify", copy, "--data", pipeline.Data, "--identifiers", names);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.DoesNotContain("differs from the label map", output, StringComparison.Ordinal);
        Assert.Contains("SEGs checked", output, StringComparison.Ordinal);
        Assert.Contains("README.md: holds identifier", output, StringComparison.Ordinal);
        Assert.Contains("clinical.csv: holds identifier", output, StringComparison.Ordinal);
        Assert.DoesNotContain(mrn, output, StringComparison.Ordinal);
        Assert.DoesNotContain(name, output, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
