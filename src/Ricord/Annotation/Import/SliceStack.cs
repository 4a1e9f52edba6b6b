using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Annotation.Import;

/// <summary>
/// A series' slices as a release has them: the assembled volume's slices in geometric order, and instances that share a
/// slice position with one of them (a volume keeps one and reports the others as <see cref="VolumeIssueKind.Duplicate"/>)
/// kept as distinct slices beside it. Instances at one position are ordered by Instance Number, then Acquisition Number
/// (then SOP Instance UID, so the order is total). Each keeps its own annotations: polygons drawn on either land on it,
/// and volumes, Dice and masks count both (each as one slice of the series' spacing).
/// </summary>
public static class SliceStack
{
    public static IReadOnlyList<(string SopInstanceUid, double Location)> Of(SeriesVolume volume, Func<string, DicomDataset?> header)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(header);
        var duplicates = volume.Issues.Where(i => i.Kind == VolumeIssueKind.Duplicate && i.Value is not null).ToList();
        var result = new List<(string, double)>(volume.Slices.Count);
        foreach (var slice in volume.Slices)
        {
            var at = duplicates.Where(i => Math.Abs(i.Value!.Value - slice.Location) < SeriesVolume.SamePositionTolerance).SelectMany(i => i.SopInstanceUids).ToList();
            if (at.Count == 0)
            {
                result.Add((slice.SopInstanceUid, slice.Location));
                continue;
            }

            result.AddRange(at.Prepend(slice.SopInstanceUid).Distinct(StringComparer.Ordinal)
                .OrderBy(u => Number(header(u), DicomTags.InstanceNumber)).ThenBy(u => Number(header(u), DicomTags.AcquisitionNumber)).ThenBy(u => u, StringComparer.Ordinal)
                .Select(u => (u, slice.Location)));
        }

        return result;
    }

    private static long Number(DicomDataset? ds, DicomTag tag)
    {
        try
        {
            return ds?.GetLong(tag) ?? long.MaxValue;
        }
        catch (FormatException)
        {
            return long.MaxValue;
        }
    }
}
