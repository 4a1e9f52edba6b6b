using System.Collections.Concurrent;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

public sealed partial class ReleaseVerifier
{
    /// <summary>The slice of the volume a SEG frame is on: its Derivation Image's instance, with the Image Position of that
    /// slice (within <see cref="PositionTolerance"/>); null when either does not hold.</summary>
    private static int? SliceOf(DicomDataset frame, SeriesVolume volume, Dictionary<string, int> slices)
    {
        string? source = frame.GetSequence(DicomTags.DerivationImageSequence).FirstOrDefault()?.GetSequence(DicomTags.SourceImageSequence).FirstOrDefault()?.GetString(DicomTags.ReferencedSOPInstanceUID);
        double[] ipp = frame.GetSequence(DicomTags.PlanePositionSequence).FirstOrDefault()?.GetDoubles(DicomTags.ImagePositionPatient) ?? [];
        return source is not null && slices.TryGetValue(source, out int k) && ipp.Length == 3
            && (new Vector3(ipp[0], ipp[1], ipp[2]) - volume.Slices[k].Position).Length <= PositionTolerance ? k : null;
    }

    /// <summary>A label map SEG (Sup 243): each 8-bit frame is the label map's slice (in DICOM row order), and every slice
    /// with a labelled voxel has a frame.</summary>
    private static void CheckLabelMapFrames(string path, DicomDataset seg, SeriesVolume volume, Dictionary<string, int> slices, ReadOnlySpan<byte> labelMap, ConcurrentBag<string> failures)
    {
        int rows = volume.Rows, columns = volume.Columns, plane = rows * columns;
        var pixels = seg[DicomTags.PixelData] is { } pixelData ? pixelData.Bytes : [];
        var frames = seg.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        if (seg.GetInt(DicomTags.BitsAllocated) != 8 || pixels.Length < (long)frames.Count * plane)
        {
            failures.Add($"{path}: not {frames.Count} 8-bit label map frames");
            return;
        }

        var covered = new HashSet<int>();
        for (int f = 0; f < frames.Count; f++)
        {
            if (SliceOf(frames[f], volume, slices) is not { } k)
            {
                failures.Add($"{path}: frame {f + 1} is not on a slice of the series (reference or Image Position)");
                return;
            }

            covered.Add(k);
            for (int row = 0; row < rows; row++)
            {
                if (!pixels.Slice((f * plane) + (row * columns), columns).SequenceEqual(labelMap.Slice((k * plane) + ((rows - 1 - row) * columns), columns)))
                {
                    failures.Add($"{path}: frame {f + 1} differs from the label map at slice {k + 1}");
                    return;
                }
            }
        }

        for (int k = 0; k < volume.Slices.Count; k++)
        {
            if (!covered.Contains(k) && labelMap.Slice(k * plane, plane).ContainsAnyExcept((byte)0))
            {
                failures.Add($"{path}: no frame for slice {k + 1}, which the label map has voxels on");
                return;
            }
        }
    }

    /// <summary>A per-label file (NAME_label-N): 0/1, 1 wherever the label map is N, and 1 elsewhere only under a higher
    /// value (where labels overlap the map keeps the higher one).</summary>
    private static void CheckLabelFile(string path, ReadOnlySpan<byte> mask, ReadOnlySpan<byte> labelMap, ConcurrentBag<string> failures)
    {
        int at = path.LastIndexOf("_label-", StringComparison.Ordinal);
        int dot = at < 0 ? -1 : path.IndexOf('.', at);
        if (dot < 0 || !byte.TryParse(path.AsSpan(at + 7, dot - at - 7), out byte value) || mask.Length != labelMap.Length)
        {
            failures.Add($"{path}: not a per-label file of its label map");
            return;
        }

        for (int v = 0; v < mask.Length; v++)
        {
            if (mask[v] > 1 || (labelMap[v] == value && mask[v] != 1) || (mask[v] == 1 && labelMap[v] != value && labelMap[v] < value))
            {
                failures.Add($"{path}: voxel {v} disagrees with the label map");
                return;
            }
        }
    }

    /// <summary>Every radiograph image (instances.csv image) is what its DICOM instance gives (<see cref="RadiographImage"/>).</summary>
    private static async Task CheckRadiographsAsync(string root, string instancesPath, ConcurrentBag<string> failures, CancellationToken ct)
    {
        foreach (var row in CsvReader.ReadFile(instancesPath).Where(r => r.GetValueOrDefault("image") is { Length: > 0 }))
        {
            string image = row["image"];
            try
            {
                bool gzip = image.EndsWith(".gz", StringComparison.Ordinal);
                var expected = RadiographImage.Build(DicomFile.Open(Path.Combine(root, row["path"])), image.EndsWith(".png", StringComparison.Ordinal) ? ReleaseSpec.Png : ReleaseSpec.Nifti, 0, out string? reason);
                var actual = await ReadNiftiAsync(root, image, ct).ConfigureAwait(false);
                if (expected is null || !actual.AsSpan().SequenceEqual(expected))
                {
                    failures.Add($"{image}: differs from its DICOM instance's pixels{(reason is null ? "" : $" ({reason})")}{(gzip ? " (inflated)" : "")}");
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or DicomFormatException)
            {
                failures.Add($"{image}: cannot be checked: {e.Message}");
            }
        }
    }
}
