namespace Ricord.Release;

/// <summary>What the release says about one series (series.csv): header facts, the NIfTI volume and label map
/// written (paths) or why none, the volume issues (QC flags), and voxels per label in its label map.</summary>
internal sealed record SeriesOutcome(ReleaseSeries Series)
{
    public int? Rows { get; init; }
    public int? Columns { get; init; }
    public string? PixelSpacing { get; init; }
    public double? SliceThickness { get; init; }
    public double? SliceSpacing { get; init; }
    public string? Kernel { get; init; }
    public string? ImageType { get; init; }
    public string? Nifti { get; init; }
    public string? LabelMap { get; init; }
    public string? Seg { get; init; }
    public IReadOnlyList<string> LabelFiles { get; init; } = [];
    public string? LabelmapSeg { get; init; }
    public string? Excluded { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyDictionary<int, long> LabelVoxels { get; init; } = new Dictionary<int, long>();
    public double VoxelVolumeMl { get; init; }
}
