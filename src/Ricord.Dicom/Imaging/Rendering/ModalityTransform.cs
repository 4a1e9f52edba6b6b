namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// The Modality LUT stage (PS3.3 C.11.1): stored values to modality values (e.g. Hounsfield units) by Rescale Slope
/// and Intercept, or by the Modality LUT Sequence when the data set has one.
/// </summary>
public sealed class ModalityTransform
{
    private static readonly DicomTag RescaleInterceptTag = new(0x0028, 0x1052);
    private static readonly DicomTag RescaleSlopeTag = new(0x0028, 0x1053);
    private static readonly DicomTag ModalityLutSequenceTag = new(0x0028, 0x3000);
    private static readonly DicomTag LutDescriptorTag = new(0x0028, 0x3002);
    private static readonly DicomTag LutDataTag = new(0x0028, 0x3006);

    public ModalityTransform(double slope = 1, double intercept = 0, LookupTable? lut = null)
    {
        Slope = slope;
        Intercept = intercept;
        Lut = lut;
    }

    public double Slope { get; }

    public double Intercept { get; }

    /// <summary>The Modality LUT, which replaces slope and intercept when present.</summary>
    public LookupTable? Lut { get; }

    /// <summary>The identity: stored values are modality values.</summary>
    public static ModalityTransform Identity { get; } = new();

    public static ModalityTransform FromDataset(DicomDataset dataset, bool signedStored)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.GetSequence(ModalityLutSequenceTag) is [var item, ..]
            && item[LutDescriptorTag] is { } descriptor && item[LutDataTag] is { } data)
        {
            return new ModalityTransform(lut: LookupTable.FromElements(descriptor, data, signedStored));
        }

        double slope = AttributeValues.Decimal(dataset, RescaleSlopeTag) ?? 1;
        double intercept = AttributeValues.Decimal(dataset, RescaleInterceptTag) ?? 0;
        return new ModalityTransform(slope == 0 ? 1 : slope, intercept);
    }

    public double Apply(double stored) => Lut is { } lut ? lut[stored] : (stored * Slope) + Intercept;
}
