using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Ricord.Cli.Tests.Commands;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// The optional outputs from the outside (issue 16): dicom/ by UID and losslessly re-compressed (dcmtk's dcmdjpls and
/// dcmdrle decode every re-compressed instance to the stored pixels, compared in pydicom), one mask per label, radiographs
/// as PNG (pydicom's stored values, MONOCHROME1 inverted) and NIfTI (dcm2niix's voxels), the Label Map SEG (pydicom's
/// frames are the label map; dcmdump reads it; dciodvfy's checks of the shared Segmentation modules) and the Medical
/// Segmentation Decathlon layout; both releases verify.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseOutputOptionsTests(ReleasePipeline pipeline)
{
    private const string SamePixels = """
        import sys, pydicom
        n = 0
        for line in open(sys.argv[1]):
            ours, stored = line.rstrip('\n').split('\t')
            a, b = pydicom.dcmread(ours), pydicom.dcmread(stored)
            assert not a.file_meta.TransferSyntaxUID.is_compressed, ours
            assert a.PixelData == b.PixelData, ours
            n += 1
        print(n)
        """;

    private const string PngPixels = """
        import sys, pydicom, numpy as np
        from PIL import Image
        n = 0
        for line in open(sys.argv[1]):
            png, dcm = line.rstrip('\n').split('\t')
            im = Image.open(png)
            assert im.mode.startswith('I;16') or im.mode == 'I', im.mode
            d = pydicom.dcmread(dcm)
            stored = d.pixel_array.astype(np.int64)
            expected = (2 ** d.BitsStored - 1) - stored if d.PhotometricInterpretation == 'MONOCHROME1' else stored
            assert (np.array(im).astype(np.int64) == expected).all(), png
            n += 1
        print(n)
        """;

    private const string LabelMapFrames = """
        import sys, pydicom, numpy as np
        d = pydicom.dcmread(sys.argv[1])
        a = d.pixel_array.reshape((int(d.NumberOfFrames), d.Rows, d.Columns))
        print(d.SOPClassUID, d.SegmentationType, len(d.SegmentSequence), d.BitsAllocated)
        for i, f in enumerate(d.PerFrameFunctionalGroupsSequence):
            sop = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
            flat = a[i].flatten()
            for v in sorted(set(flat.tolist()) - {0}):
                on = (flat == v).nonzero()[0]
                print(v, sop, len(on), int(on.sum()))
        """;

    [Fact]
    public void By_uid_layout_and_lossless_recompression_decode_in_dcmtk_to_the_stored_pixels()
    {
        var plain = CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv")).ToDictionary(r => r["sop_instance_uid"]);
        foreach (var (release, syntax, tool) in new[] { (pipeline.WithOptions, "1.2.840.10008.1.2.4.80", "dcmdjpls"), (pipeline.WithOtherOptions, "1.2.840.10008.1.2.5", "dcmdrle") })
        {
            var rows = CsvReader.ReadFile(Path.Combine(release, "instances.csv"));
            Assert.Equal(plain.Keys.Order(StringComparer.Ordinal), rows.Select(r => r["sop_instance_uid"]).Order(StringComparer.Ordinal));
            string decodedDir = Directory.CreateTempSubdirectory("ricord-decoded-").FullName;
            var pairs = new List<string>();
            try
            {
                foreach (var row in rows)
                {
                    var stored = plain[row["sop_instance_uid"]];
                    Assert.Equal(release == pipeline.WithOptions
                        ? $"dicom/{row["study_instance_uid"]}/{row["series_instance_uid"]}/{row["sop_instance_uid"]}.dcm" : stored["path"], row["path"]);
                    Assert.True(File.Exists(Path.Combine(release, row["path"])), row["path"]);
                    if (row["transfer_syntax_uid"] != syntax)
                    {
                        Assert.Equal(stored["transfer_syntax_uid"], row["transfer_syntax_uid"]); // kept as stored (and said so in the build output)
                        continue;
                    }

                    string decoded = Path.Combine(decodedDir, row["sop_instance_uid"] + ".dcm");
                    var (code, output, error) = Peer.Run(tool, Path.Combine(release, row["path"]), decoded);
                    Assert.True(code == 0, $"{tool}: {output}{error}");
                    pairs.Add($"{decoded}\t{Path.Combine(pipeline.Release, stored["path"])}");
                }

                Assert.True(pairs.Count >= rows.Count / 2, $"only {pairs.Count} of {rows.Count} instances re-compressed as {syntax}");
                string list = Path.Combine(decodedDir, "pairs.tsv");
                File.WriteAllLines(list, pairs);
                Assert.Equal(pairs.Count.ToString(CultureInfo.InvariantCulture), RunPython(SamePixels, list));
            }
            finally
            {
                Directory.Delete(decodedDir, recursive: true);
            }

            var (verify, verifyOut, verifyErr) = InProcessCli.Run("release", "verify", release, "--data", pipeline.Data);
            Assert.True(verify == 0, verifyOut + verifyErr);
        }
    }

    [Fact]
    public void Each_label_file_holds_its_labels_whole_mask_under_the_label_map()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Release, "manifest.json")));
        var values = manifest.RootElement.GetProperty("segmentationLabels").EnumerateArray().Select(l => l.GetProperty("value").GetInt32()).ToList();
        foreach (var (release, ending) in new[] { (pipeline.WithOptions, ".nii"), (pipeline.WithOtherOptions, ".nii.gz") })
        {
            var rows = CsvReader.ReadFile(Path.Combine(release, "series.csv")).Where(r => r["label_map"].Length > 0).ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var files = row["label_files"].Split(';');
                Assert.Equal(values.Select(v => $"{row["label_map"][..^("_labels".Length + ending.Length)]}_label-{v}{ending}"), files);
                var map = NiftiFile.Read(Path.Combine(release, row["label_map"]));
                int drawn = 0;
                foreach (var (value, file) in values.Zip(files))
                {
                    var mask = NiftiFile.Read(Path.Combine(release, file));
                    Assert.Equal(map.Dims, mask.Dims);
                    Assert.Equal(0, mask.MaxSformDifference(map));
                    Assert.Equal((short)2, mask.DataType);
                    Assert.Equal(1002, mask.Intent);
                    for (int v = 0; v < map.Voxels.Length; v++)
                    {
                        // The map's voxels of this value are in the mask; the mask's voxels are this value or a higher one (overlap: higher wins).
                        Assert.True(map.Voxels[v] == value ? mask.Voxels[v] == 1 : mask.Voxels[v] == 0 || map.Voxels[v] > value, $"{file}: voxel {v}");
                    }

                    drawn += mask.Voxels.Any(x => x == 1) ? 1 : 0;
                }

                Assert.True(drawn > 0, $"{row["label_map"]}: every per-label file is empty");
            }
        }
    }

    [Fact]
    public void Radiographs_are_pydicoms_stored_values_as_png_and_dcm2niixs_voxels_as_nifti()
    {
        var radiographSeries = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv")).Where(r => r["modality"] is "CR" or "DX")
            .Select(r => r["series_instance_uid"]).ToHashSet();
        var plain = CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv")).ToDictionary(r => r["sop_instance_uid"]);
        var png = CsvReader.ReadFile(Path.Combine(pipeline.WithOptions, "instances.csv")).Where(r => radiographSeries.Contains(r["series_instance_uid"])).ToList();
        Assert.True(png.Count >= 4, "too few radiographs");
        Assert.All(png, r => Assert.Matches($"^radiographs/{r["patient_id"]}/{r["sop_instance_uid"]}\\.png$", r["image"]));
        Assert.Contains(png, r => r["image_photometric"] == "MONOCHROME1");
        string list = Path.Combine(pipeline.Root, "png-pairs.tsv");
        File.WriteAllLines(list, png.Select(r => $"{Path.Combine(pipeline.WithOptions, r["image"])}\t{Path.Combine(pipeline.Release, plain[r["sop_instance_uid"]]["path"])}"));
        Assert.Equal(png.Count.ToString(CultureInfo.InvariantCulture), RunPython(PngPixels, list));

        var nifti = CsvReader.ReadFile(Path.Combine(pipeline.WithOtherOptions, "instances.csv")).Where(r => radiographSeries.Contains(r["series_instance_uid"])).ToList();
        Assert.Equal(png.Count, nifti.Count);
        foreach (var row in nifti)
        {
            Assert.EndsWith(".nii.gz", row["image"], StringComparison.Ordinal);
            string work = Directory.CreateTempSubdirectory("ricord-cxr-d2n-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(work, "in"));
                File.Copy(Path.Combine(pipeline.Release, plain[row["sop_instance_uid"]]["path"]), Path.Combine(work, "in", "x.dcm"));
                var (code, output, error) = Peer.Run("dcm2niix", "-z", "n", "-b", "n", "-f", "v", "-o", work, Path.Combine(work, "in"));
                Assert.True(code == 0, output + error);
                var theirs = NiftiFile.Read(Path.Combine(work, "v.nii"));
                var ours = NiftiFile.Read(Path.Combine(pipeline.WithOtherOptions, row["image"]));
                Assert.Equal(theirs.Dims, ours.Dims);
                Assert.Equal((theirs.DataType, theirs.Slope, theirs.Intercept), (ours.DataType, ours.Slope, ours.Intercept));
                Assert.True(theirs.Voxels.AsSpan().SequenceEqual(ours.Voxels), $"{row["image"]}: voxels differ from dcm2niix's");
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void Label_map_seg_frames_are_the_label_map_in_pydicom_and_dcmdump_and_dciodvfy_read_it()
    {
        var rows = CsvReader.ReadFile(Path.Combine(pipeline.WithOptions, "series.csv")).Where(r => r["seg"].Length > 0).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r["seg"][..^4] + "_labelmap.dcm", r["labelmap_seg"]));
        var instances = CsvReader.ReadFile(Path.Combine(pipeline.WithOptions, "instances.csv")).ToLookup(r => r["series_instance_uid"], r => r["path"]);
        foreach (var row in rows)
        {
            string seg = Path.Combine(pipeline.WithOptions, row["labelmap_seg"]);
            var (code, output, error) = Peer.Run("dcmdump", seg);
            Assert.True(code == 0 && !output.Contains("E: ", StringComparison.Ordinal), error);
            Assert.Contains("LABELMAP", output, StringComparison.Ordinal);

            // dciodvfy (dicom3tools 2022) predates Sup 243: it does not know the Label Map Segmentation IOD. Under the
            // Segmentation Storage SOP class it checks the shared modules: the only errors are what Sup 243 changed.
            (code, output, error) = Peer.Run("dciodvfy", seg);
            Assert.Contains("Information Object Not found", output + error, StringComparison.Ordinal);
            string asBinary = Path.Combine(pipeline.Root, "labelmap-as-binary.dcm");
            File.Copy(seg, asBinary, overwrite: true);
            (code, output, error) = Peer.Run("dcmodify", "-nb", "-m", "(0008,0016)=1.2.840.10008.5.1.4.1.1.66.4", asBinary);
            Assert.True(code == 0, output + error);
            (_, output, error) = Peer.Run("dciodvfy", asBinary);
            var errors = (output + error).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Equal(
                ["Error - Unrecognized enumerated value <LABELMAP> for value 1 of attribute <Segmentation Type>",
                 "Error - Missing attribute Type 1 Required Element=<SegmentIdentificationSequence> Module=<SegmentationMacro>"],
                errors);

            string script = Path.Combine(pipeline.Root, "labelmap_frames.py");
            File.WriteAllText(script, LabelMapFrames);
            (code, output, error) = Peer.Run("/usr/bin/python3", script, seg);
            Assert.True(code == 0, error);
            var lines = output.Trim().Split('\n');
            Assert.Equal("1.2.840.10008.5.1.4.1.1.66.7 LABELMAP 6 8", lines[0]);

            Assert.Equal(ReleaseSegTests.ExpectedFrames(pipeline.WithOptions, instances[row["series_instance_uid"]], row["label_map"]), new SortedSet<string>(lines.Skip(1), StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Decathlon_layout_lists_every_case_with_the_release_volumes()
    {
        string task = Directory.GetDirectories(Path.Combine(pipeline.WithOptions, "decathlon")).Single();
        Assert.Matches("^Task01_[A-Za-z0-9]+$", Path.GetFileName(task));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(task, "dataset.json")));
        var root = json.RootElement;
        Assert.Equal("3D", root.GetProperty("tensorImageSize").GetString());
        Assert.Equal("CT", root.GetProperty("modality").GetProperty("0").GetString());
        var labels = root.GetProperty("labels").EnumerateObject().ToList();
        Assert.Equal(("0", "background"), (labels[0].Name, labels[0].Value.GetString()));
        Assert.Equal(Enumerable.Range(0, labels.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), labels.Select(l => l.Name));

        var cases = CsvReader.ReadFile(Path.Combine(task, "cases.csv"));
        var series = CsvReader.ReadFile(Path.Combine(pipeline.WithOptions, "series.csv")).ToDictionary(r => r["series_instance_uid"]);
        var splits = CsvReader.ReadFile(Path.Combine(pipeline.WithOptions, "splits.csv")).ToDictionary(r => r["study_instance_uid"], r => r["split"]);
        Assert.Equal(series.Values.Count(r => r["label_map"].Length > 0), cases.Count);
        var training = root.GetProperty("training").EnumerateArray().Select(t => (t.GetProperty("image").GetString()!, t.GetProperty("label").GetString()!)).ToList();
        var test = root.GetProperty("test").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(cases.Count, training.Count + test.Count);
        Assert.Equal(training.Count, root.GetProperty("numTraining").GetInt32());
        Assert.Equal(test.Count, root.GetProperty("numTest").GetInt32());
        foreach (var c in cases)
        {
            var s = series[c["series_instance_uid"]];
            Assert.Equal(splits[s["study_instance_uid"]], c["split"]);
            string image = "./" + c["image"][(task.Length - pipeline.WithOptions.Length)..], label = "./" + c["label"][(task.Length - pipeline.WithOptions.Length)..];
            if (c["split"] == "test")
            {
                Assert.Contains(image, test);
                Assert.StartsWith("./imagesTs/", image, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains((image, label), training);
                Assert.Matches("^\\./imagesTr/[a-z0-9]+_\\d{3}\\.nii\\.gz$", image);
            }

            // MSD files are .nii.gz; inflated they are the release's volume and label map.
            Assert.Equal(File.ReadAllBytes(Path.Combine(pipeline.WithOptions, s["nifti"])), Gunzip(Path.Combine(pipeline.WithOptions, c["image"])));
            Assert.Equal(File.ReadAllBytes(Path.Combine(pipeline.WithOptions, s["label_map"])), Gunzip(Path.Combine(pipeline.WithOptions, c["label"])));
        }
    }

    [Fact]
    public void Verify_catches_a_changed_label_map_seg_label_file_and_radiograph()
    {
        string copy = Path.Combine(pipeline.Root, "tampered-options");
        foreach (string file in Directory.EnumerateFiles(pipeline.WithOptions, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(pipeline.WithOptions, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var series = CsvReader.ReadFile(Path.Combine(copy, "series.csv")).First(r => r["labelmap_seg"].Length > 0);
        string image = CsvReader.ReadFile(Path.Combine(copy, "instances.csv")).First(r => r["image"].Length > 0)["image"];
        foreach (var (file, expected) in new[]
        {
            (series["labelmap_seg"], "differs from the label map"),
            (series["label_files"].Split(';')[0], "disagrees with the label map"),
            (image, "differs from its DICOM instance's pixels"),
        })
        {
            string path = Path.Combine(copy, file);
            var bytes = File.ReadAllBytes(path);
            bytes[^1] ^= 0x01;
            File.WriteAllBytes(path, bytes);
            var (code, output, _) = InProcessCli.Run("release", "verify", copy, "--data", pipeline.Data);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains($"{file}: SHA-256 differs", output, StringComparison.Ordinal);
            Assert.Contains($"{file}: ", output.Replace($"{file}: SHA-256", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            bytes[^1] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gz.CopyTo(plain);
        return plain.ToArray();
    }

    private string RunPython(string source, string argument)
    {
        string script = Path.Combine(pipeline.Root, $"check_{Guid.NewGuid():N}.py");
        File.WriteAllText(script, source);
        var (code, output, error) = Peer.Run("/usr/bin/python3", script, argument);
        Assert.True(code == 0, output + error);
        return output.Trim();
    }
}
