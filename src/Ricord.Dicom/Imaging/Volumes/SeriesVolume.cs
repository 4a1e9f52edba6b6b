namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>
/// A series assembled into a volume: slices ordered by position along the slice normal (never by Instance Number or
/// file order), the voxel → patient (LPS) affine, and what was found wrong on the way (<see cref="Issues"/>).
/// </summary>
public sealed partial class SeriesVolume
{
    private SeriesVolume(IReadOnlyList<VolumeSlice> slices, SliceGeometry first, double sliceSpacing, VolumeAffine affine,
        IReadOnlyList<VolumeIssue> issues, IReadOnlyList<IReadOnlyList<string>> otherStacks)
    {
        Slices = slices;
        Rows = first.Rows;
        Columns = first.Columns;
        RowDirection = first.RowDirection;
        ColumnDirection = first.ColumnDirection;
        RowSpacing = first.RowSpacing;
        ColumnSpacing = first.ColumnSpacing;
        SliceSpacing = sliceSpacing;
        Affine = affine;
        Issues = issues;
        OtherStacks = otherStacks;
    }

    /// <summary>The kept slices, in order of increasing position along <see cref="Normal"/>.</summary>
    public IReadOnlyList<VolumeSlice> Slices { get; }

    /// <summary>SOP Instance UIDs in slice order: slice index k = position in this list.</summary>
    public IReadOnlyList<string> SopInstanceUids => [.. Slices.Select(s => s.SopInstanceUid)];

    /// <summary>Each slice's position along the normal (mm), ascending.</summary>
    public IReadOnlyList<double> SlicePositions => [.. Slices.Select(s => s.Location)];

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Direction of increasing column index i (first triplet of Image Orientation (Patient)).</summary>
    public Vector3 RowDirection { get; }

    /// <summary>Direction of increasing row index j (second triplet).</summary>
    public Vector3 ColumnDirection { get; }

    /// <summary>RowDirection × ColumnDirection.</summary>
    public Vector3 Normal => RowDirection.Cross(ColumnDirection).Normalized();

    /// <summary>Distance between rows (Pixel Spacing, first value), mm.</summary>
    public double RowSpacing { get; }

    /// <summary>Distance between columns (Pixel Spacing, second value), mm.</summary>
    public double ColumnSpacing { get; }

    /// <summary>Median distance between neighbouring slices along the normal, mm.</summary>
    public double SliceSpacing { get; }

    /// <summary>Voxel size (i, j, k) in mm: column spacing, row spacing, slice spacing.</summary>
    public Vector3 VoxelSize => new(ColumnSpacing, RowSpacing, SliceSpacing);

    public VolumeAffine Affine { get; }

    public IReadOnlyList<VolumeIssue> Issues { get; }

    /// <summary>SOP Instance UIDs of stacks found in the series but not used for this volume.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OtherStacks { get; }

    public bool Has(VolumeIssueKind kind) => Issues.Any(i => i.Kind == kind);

    /// <summary>Assembles data sets whose pixel data is native little endian (as built in memory or after decompression).</summary>
    public static SeriesVolume Assemble(IEnumerable<DicomDataset> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return Assemble(instances.Select(d => (d, DicomTransferSyntax.ExplicitVRLittleEndian)));
    }

    /// <summary>Assembles files; each keeps its transfer syntax for pixel loading.</summary>
    public static SeriesVolume Assemble(IEnumerable<DicomFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Assemble(files.Select(f => (f.Dataset, f.TransferSyntax)));
    }
}
