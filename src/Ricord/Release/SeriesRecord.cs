namespace Ricord.Release;

/// <summary>A converted series as the build journal keeps it: its series.csv facts, the files it wrote and the notes it
/// raised, so that a resumed build takes it as it was instead of converting it again.</summary>
internal sealed record SeriesRecord
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
    public string? Excluded { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyDictionary<int, long> LabelVoxels { get; init; } = new Dictionary<int, long>();
    public double VoxelVolumeMl { get; init; }
    public IReadOnlyList<string> Issues { get; init; } = [];

    public IEnumerable<string> Files => new[] { Nifti, LabelMap, Seg }.OfType<string>();

    public static SeriesRecord Of(SeriesOutcome o, IReadOnlyList<string> issues) => new()
    {
        Rows = o.Rows, Columns = o.Columns, PixelSpacing = o.PixelSpacing, SliceThickness = o.SliceThickness, SliceSpacing = o.SliceSpacing,
        Kernel = o.Kernel, ImageType = o.ImageType, Nifti = o.Nifti, LabelMap = o.LabelMap, Seg = o.Seg, Excluded = o.Excluded, Flags = o.Flags,
        LabelVoxels = o.LabelVoxels, VoxelVolumeMl = o.VoxelVolumeMl, Issues = issues,
    };

    public SeriesOutcome ToOutcome(ReleaseSeries series) => new(series)
    {
        Rows = Rows, Columns = Columns, PixelSpacing = PixelSpacing, SliceThickness = SliceThickness, SliceSpacing = SliceSpacing,
        Kernel = Kernel, ImageType = ImageType, Nifti = Nifti, LabelMap = LabelMap, Seg = Seg, Excluded = Excluded, Flags = Flags,
        LabelVoxels = LabelVoxels, VoxelVolumeMl = VoxelVolumeMl,
    };
}
