using System.Collections.Concurrent;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

public sealed partial class ReleaseVerifier
{
    private const double PositionTolerance = 1e-3;

    /// <summary>A SEG against its series and label map: rows and columns, orientation, pixel spacing; every frame on a slice
    /// of the volume (Image Position and referenced SOP Instance agree) and its bits equal to (label map == segment) on that
    /// slice; and a frame for every (segment, slice) the label map has voxels of.</summary>
    private static void CheckSeg(string path, DicomDataset seg, SeriesVolume volume, ReadOnlySpan<byte> labelMap, ConcurrentBag<string> failures)
    {
        int rows = volume.Rows, columns = volume.Columns, plane = rows * columns;
        if (seg.GetInt(DicomTags.Rows) != rows || seg.GetInt(DicomTags.Columns) != columns)
        {
            failures.Add($"{path}: {seg.GetInt(DicomTags.Rows)}×{seg.GetInt(DicomTags.Columns)} frames, the series is {rows}×{columns}");
            return;
        }

        var shared = seg.GetSequence(DicomTags.SharedFunctionalGroupsSequence).FirstOrDefault();
        double[] iop = shared?.GetSequence(DicomTags.PlaneOrientationSequence).FirstOrDefault()?.GetDoubles(DicomTags.ImageOrientationPatient) ?? [];
        double[] spacing = shared?.GetSequence(DicomTags.PixelMeasuresSequence).FirstOrDefault()?.GetDoubles(DicomTags.PixelSpacing) ?? [];
        var r = volume.RowDirection;
        var c = volume.ColumnDirection;
        if (iop.Length != 6 || spacing.Length != 2 || new[] { r.X, r.Y, r.Z, c.X, c.Y, c.Z }.Zip(iop).Any(p => Math.Abs(p.First - p.Second) > 1e-4)
            || Math.Abs(spacing[0] - volume.RowSpacing) > 1e-4 || Math.Abs(spacing[1] - volume.ColumnSpacing) > 1e-4)
        {
            failures.Add($"{path}: orientation or pixel spacing differs from the series'");
            return;
        }

        var slices = volume.SopInstanceUids.Select((u, k) => (u, k)).ToDictionary(x => x.u, x => x.k, StringComparer.Ordinal);
        if (seg.GetString(DicomTags.SegmentationType) == "LABELMAP")
        {
            CheckLabelMapFrames(path, seg, volume, slices, labelMap, failures);
            return;
        }

        var bits = seg[DicomTags.PixelData] is { } pixelData ? pixelData.Bytes : [];
        var frames = seg.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var covered = new HashSet<(int Segment, int Slice)>();
        for (int f = 0; f < frames.Count; f++)
        {
            var frame = frames[f];
            int segment = frame.GetSequence(DicomTags.SegmentIdentificationSequence).FirstOrDefault()?.GetInt(DicomTags.ReferencedSegmentNumber) ?? 0;
            if (SliceOf(frame, volume, slices) is not { } k)
            {
                failures.Add($"{path}: frame {f + 1} is not on a slice of the series (reference or Image Position)");
                return;
            }

            covered.Add((segment, k));
            for (int p = 0; p < plane; p++)
            {
                long bit = ((long)f * plane) + p;
                bool inSeg = bit >> 3 < bits.Length && (bits[(int)(bit >> 3)] >> (int)(bit & 7) & 1) == 1;
                bool inMap = labelMap[(k * plane) + ((rows - 1 - (p / columns)) * columns) + (p % columns)] == segment;
                if (inSeg != inMap)
                {
                    failures.Add($"{path}: frame {f + 1} (segment {segment}) differs from the label map at slice {k + 1}");
                    return;
                }
            }
        }

        for (int k = 0; k < volume.Slices.Count; k++)
        {
            foreach (byte value in labelMap.Slice(k * plane, plane).ToArray().Where(v => v != 0).Distinct())
            {
                if (!covered.Contains((value, k)))
                {
                    failures.Add($"{path}: no frame for segment {value} at slice {k + 1}, which the label map has");
                    return;
                }
            }
        }
    }
}
