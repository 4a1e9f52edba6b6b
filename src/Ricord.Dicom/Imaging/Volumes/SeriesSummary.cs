using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>What series selection needs to know about a series, taken from its instances' headers.</summary>
public sealed record SeriesSummary
{
    private static readonly DicomTag ImageTypeTag = new(0x0008, 0x0008);
    private static readonly DicomTag ModalityTag = new(0x0008, 0x0060);
    private static readonly DicomTag SeriesDescriptionTag = new(0x0008, 0x103E);
    private static readonly DicomTag SliceThicknessTag = new(0x0018, 0x0050);
    private static readonly DicomTag ConvolutionKernelTag = new(0x0018, 0x1210);
    private static readonly DicomTag SeriesInstanceUidTag = new(0x0020, 0x000E);
    private static readonly DicomTag ImageOrientationTag = new(0x0020, 0x0037);

    public required string SeriesInstanceUid { get; init; }

    public string? Modality { get; init; }

    public string? SeriesDescription { get; init; }

    public IReadOnlyList<string> ImageType { get; init; } = [];

    public int InstanceCount { get; init; }

    /// <summary>The slice normal (row × column cosines of the first instance), null when unknown.</summary>
    public Vector3? Normal { get; init; }

    public double? SliceThickness { get; init; }

    public string? ConvolutionKernel { get; init; }

    /// <summary>Summarises the instances of one series (the first instance's header speaks for the series).</summary>
    public static SeriesSummary FromInstances(IReadOnlyCollection<DicomDataset> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var first = instances.FirstOrDefault() ?? throw new ArgumentException("A series needs at least one instance", nameof(instances));
        double[] iop = AttributeValues.Decimals(first, ImageOrientationTag);
        return new SeriesSummary
        {
            SeriesInstanceUid = AttributeValues.Text(first, SeriesInstanceUidTag) ?? "",
            Modality = AttributeValues.Text(first, ModalityTag),
            SeriesDescription = AttributeValues.Text(first, SeriesDescriptionTag),
            ImageType = [.. AttributeValues.Texts(first, ImageTypeTag).Select(s => s.Trim().ToUpperInvariant())],
            InstanceCount = instances.Count,
            Normal = iop.Length >= 6 ? new Vector3(iop[0], iop[1], iop[2]).Cross(new Vector3(iop[3], iop[4], iop[5])).Normalized() : null,
            SliceThickness = AttributeValues.Decimal(first, SliceThicknessTag),
            ConvolutionKernel = string.Join('\\', AttributeValues.Texts(first, ConvolutionKernelTag)) is { Length: > 0 } k ? k : null,
        };
    }
}
