using System.Globalization;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>The release's DICOM SEG files from the outside: dciodvfy finds no error, dcmdump reads them, and pydicom's
/// frames are the label map's voxels, segment by segment (every label declared, empty frames omitted).</summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseSegTests(ReleasePipeline pipeline)
{
    private const string Frames = """
        import sys, pydicom
        d = pydicom.dcmread(sys.argv[1])
        a = d.pixel_array.reshape((int(d.NumberOfFrames), d.Rows, d.Columns))
        print(len(d.SegmentSequence), d.SegmentationType, d.SOPClassUID)
        for i, f in enumerate(d.PerFrameFunctionalGroupsSequence):
            seg = f.SegmentIdentificationSequence[0].ReferencedSegmentNumber
            sop = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
            on = a[i].flatten().nonzero()[0]
            print(seg, sop, len(on), int(on.sum()))
        """;

    [Fact]
    public void Seg_files_are_valid_for_dciodvfy_and_dcmdump_and_match_the_label_maps_in_pydicom()
    {
        var rows = CsvReader.ReadFile(Path.Combine(pipeline.Release, "series.csv")).Where(r => r["seg"].Length > 0).ToList();
        Assert.NotEmpty(rows);
        var instances = CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv")).ToLookup(r => r["series_instance_uid"], r => r["path"]);
        string script = Path.Combine(pipeline.Root, "seg_frames.py");
        File.WriteAllText(script, Frames);
        foreach (var row in rows)
        {
            string seg = Path.Combine(pipeline.Release, row["seg"]);
            var (code, output, error) = Peer.Run("dciodvfy", seg);
            Assert.False((output + error).Split('\n').Any(l => l.StartsWith("Error", StringComparison.Ordinal)), $"dciodvfy: {output}{error}");
            (code, output, error) = Peer.Run("dcmdump", seg);
            Assert.True(code == 0 && !output.Contains("E: ", StringComparison.Ordinal), error);
            Assert.Contains("SegmentSequence", output, StringComparison.Ordinal);

            (code, output, error) = Peer.Run("/usr/bin/python3", script, seg);
            Assert.True(code == 0, error);
            var lines = output.Trim().Split('\n');
            Assert.Equal("6 BINARY 1.2.840.10008.5.1.4.1.1.66.4", lines[0]);

            // Expected: from the label map, per (segment, slice) with voxels, the count and index sum of its pixels in DICOM row order.
            Assert.Equal(ExpectedFrames(pipeline.Release, instances[row["series_instance_uid"]], row["label_map"]), new SortedSet<string>(lines.Skip(1), StringComparer.Ordinal));
        }
    }

    /// <summary>From a release's label map: per (segment value, slice) with voxels, "value SOPInstanceUID count indexSum"
    /// of its pixels in DICOM row order, as the peer scripts print each SEG frame.</summary>
    internal static SortedSet<string> ExpectedFrames(string release, IEnumerable<string> instancePaths, string labelMap)
    {
        var volume = Ricord.Dicom.Imaging.Volumes.SeriesVolume.Assemble(instancePaths.Select(p => Ricord.Dicom.DicomFile.Open(Path.Combine(release, p))));
        var map = NiftiFile.Read(Path.Combine(release, labelMap));
        int columns = map.Dims[0], rowsCount = map.Dims[1], plane = columns * rowsCount;
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < map.Dims[2]; k++)
        {
            foreach (var g in Enumerable.Range(0, plane).Where(v => map.Voxels[(k * plane) + v] != 0).GroupBy(v => map.Voxels[(k * plane) + v]))
            {
                var pixels = g.Select(v => (long)(((rowsCount - 1 - (v / columns)) * columns) + (v % columns))).ToList();
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{g.Key} {volume.SopInstanceUids[k]} {pixels.Count} {pixels.Sum()}"));
            }
        }

        return expected;
    }
}
