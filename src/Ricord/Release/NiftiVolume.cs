using Ricord.Dicom;
using Ricord.Dicom.Imaging;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

/// <summary>
/// One series as a NIfTI-1 volume, laid out as dcm2niix lays it out: i = column, j = row counted from the last row
/// (dcm2niix flips the rows so the first voxel is the image's bottom-left), k = slice in ascending position along
/// row × column cosine; the stored values unchanged with Rescale Slope / Intercept as scl_slope / scl_inter;
/// unsigned 16-bit data as int16 when every value fits, as dcm2niix does. <see cref="Plan"/> says why a series
/// cannot be one (docs/release.md, "NIfTI").
/// </summary>
public sealed partial class NiftiVolume
{
    /// <summary>Issues that make a series no volume: the ones dcm2niix would resample, split or order otherwise.</summary>
    private static readonly VolumeIssueKind[] Excluding =
    [
        VolumeIssueKind.Gap, VolumeIssueKind.UnevenSpacing, VolumeIssueKind.GantryTilt, VolumeIssueKind.MixedOrientation,
        VolumeIssueKind.MixedSize, VolumeIssueKind.MultipleStacks, VolumeIssueKind.Duplicate, VolumeIssueKind.MissingGeometry,
    ];

    private NiftiVolume(SeriesVolume volume, PixelDataInfo info, double slope, double intercept)
    {
        Volume = volume;
        Info = info;
        Slope = slope;
        Intercept = intercept;
        Sform = RasSform(volume);
    }

    public SeriesVolume Volume { get; }

    public PixelDataInfo Info { get; }

    public double Slope { get; }

    public double Intercept { get; }

    /// <summary>The RAS voxel → mm matrix of the NIfTI file (rows flipped).</summary>
    public double[,] Sform { get; }

    public int[] Dims => [Volume.Columns, Volume.Rows, Volume.Slices.Count];

    /// <summary>The volume of the instances, or null with the reason it cannot be one.</summary>
    public static NiftiVolume? Plan(IReadOnlyList<DicomFile> instances, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(instances);
        SeriesVolume volume;
        try
        {
            volume = SeriesVolume.Assemble(instances);
        }
        catch (VolumeException e)
        {
            reason = e.Message;
            return null;
        }

        var first = volume.Slices[0].Dataset;
        var info = PixelDataInfo.FromDataset(first);
        var rescale = volume.Slices.Select(s => (s.Dataset.GetDouble(DicomTags.RescaleSlope) ?? 1, s.Dataset.GetDouble(DicomTags.RescaleIntercept) ?? 0)).Distinct().ToList();
        reason = volume.Issues.FirstOrDefault(i => Excluding.Contains(i.Kind)) is { } issue ? issue.ToString()
            : volume.Slices.Count < 2 ? "fewer than 2 slices"
            : info.SamplesPerPixel != 1 || info.BitsAllocated is not (8 or 16) ? $"{info.SamplesPerPixel} samples of {info.BitsAllocated} bits per pixel (one 8- or 16-bit sample needed)"
            : rescale.Count > 1 ? "Rescale Slope / Intercept differ between slices"
            : first[DicomTags.ModalityLUTSequence] is not null ? "a Modality LUT Sequence (no linear rescale)"
            : volume.Slices.Any(s => PixelDataInfo.FromDataset(s.Dataset) is var o && (o.BitsAllocated != info.BitsAllocated || o.PixelRepresentation != info.PixelRepresentation))
                ? "Bits Allocated or Pixel Representation differ between slices"
            : null;
        return reason is null ? new NiftiVolume(volume, info, rescale[0].Item1 == 0 ? 1 : rescale[0].Item1, rescale[0].Item2) : null;
    }

    /// <summary>The LPS affine with the rows reversed (origin at the last row, row step negated), then LPS → RAS.</summary>
    public static double[,] RasSform(SeriesVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var a = volume.Affine;
        var origin = a.Origin + (a.RowStep * (volume.Rows - 1));
        var flipped = new VolumeAffine(origin, a.ColumnStep, a.RowStep * -1, a.SliceStep);
        return flipped.ToRasMatrix();
    }
}
