namespace Ricord.Dicom.Imaging.Rendering;

public sealed partial class GrayscaleTransform
{
    private static readonly DicomTag WindowCenterTag = new(0x0028, 0x1050);
    private static readonly DicomTag WindowWidthTag = new(0x0028, 0x1051);
    private static readonly DicomTag VoiLutFunctionTag = new(0x0028, 0x1056);
    private static readonly DicomTag VoiLutSequenceTag = new(0x0028, 0x3010);
    private static readonly DicomTag LutDescriptorTag = new(0x0028, 0x3002);
    private static readonly DicomTag LutDataTag = new(0x0028, 0x3006);
    private static readonly DicomTag PresentationLutShapeTag = new(0x2050, 0x0020);

    /// <summary>Builds the pipeline for <paramref name="frame"/> of <paramref name="dataset"/> as <paramref name="options"/> ask.</summary>
    public static GrayscaleTransform Create(DicomDataset dataset, FrameSamples frame, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(frame);
        options ??= RenderOptions.Default;
        var modality = ModalityTransform.FromDataset(dataset, frame.Info.IsSigned);
        bool invert = InvertFor(dataset, frame.Info.PhotometricInterpretation);
        var voiLuts = dataset.GetSequence(VoiLutSequenceTag);
        bool signedModality = modality.Lut is null && (frame.Info.IsSigned || modality.Intercept < 0);

        if ((options.Window ?? (options.Preset is { } p ? VoiWindow.For(p) : null)) is { } chosen)
        {
            return new GrayscaleTransform(modality, chosen, null, invert);
        }

        if (!options.MinMaxWindow)
        {
            if (options.VoiLutIndex is { } li)
            {
                return new GrayscaleTransform(modality, null, VoiLutAt(voiLuts, li, signedModality), invert);
            }

            if (StoredWindow(dataset, options.WindowIndex) is { } stored)
            {
                return new GrayscaleTransform(modality, stored, null, invert);
            }

            if (voiLuts.Count > 0)
            {
                return new GrayscaleTransform(modality, null, VoiLutAt(voiLuts, 0, signedModality), invert);
            }
        }

        return new GrayscaleTransform(modality, MinMax(modality, frame), null, invert);
    }

    /// <summary>
    /// Presentation LUT Shape (2050,0020) decides when present: INVERSE inverts, IDENTITY does not (PS3.3 C.11.6.1.2;
    /// DX and MG use INVERSE to carry MONOCHROME1). Without it MONOCHROME1 is inverted so that low values show white.
    /// </summary>
    public static bool InvertFor(DicomDataset dataset, string photometric)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return AttributeValues.Text(dataset, PresentationLutShapeTag)?.ToUpperInvariant() switch
        {
            "INVERSE" => true,
            "IDENTITY" => false,
            _ => photometric == "MONOCHROME1",
        };
    }

    /// <summary>The data set's window number <paramref name="index"/> (0-based) with its VOI LUT Function, or null when there is none.</summary>
    public static VoiWindow? StoredWindow(DicomDataset dataset, int index)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        double[] centers = AttributeValues.Decimals(dataset, WindowCenterTag), widths = AttributeValues.Decimals(dataset, WindowWidthTag);
        if (centers.Length == 0 || widths.Length == 0)
        {
            return null;
        }

        if (index < 0 || index >= Math.Min(centers.Length, widths.Length))
        {
            throw new PixelDataException($"Window {index} does not exist: the data set has {Math.Min(centers.Length, widths.Length)}", WindowCenterTag);
        }

        var function = AttributeValues.Text(dataset, VoiLutFunctionTag)?.ToUpperInvariant() switch
        {
            "SIGMOID" => VoiFunction.Sigmoid,
            "LINEAR_EXACT" => VoiFunction.LinearExact,
            _ => VoiFunction.Linear,
        };
        var window = new VoiWindow(centers[index], widths[index], function);

        // A stored window that breaks C.11.2.1.2 (e.g. width 0) is ignored rather than failing the render.
        return (function == VoiFunction.Linear ? window.Width >= 1 : window.Width > 0) ? window : null;
    }

    /// <summary>The window that stretches the frame's modality min..max over the output (dcmtk's min-max window).</summary>
    public static VoiWindow MinMax(ModalityTransform modality, FrameSamples frame)
    {
        ArgumentNullException.ThrowIfNull(modality);
        ArgumentNullException.ThrowIfNull(frame);
        double min = double.MaxValue, max = double.MinValue;
        for (int i = 0; i < frame.Samples.Length; i += frame.SamplesPerPixel)
        {
            double v = modality.Apply(frame.ValueAt(i));
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        // LINEAR with c = (min + max + 1) / 2, w = max − min + 1 maps min to 0 and max to 255.
        return new VoiWindow((min + max + 1) / 2, max - min + 1);
    }

    private static LookupTable VoiLutAt(IReadOnlyList<DicomDataset> items, int index, bool signedInput)
    {
        if (index < 0 || index >= items.Count)
        {
            throw new PixelDataException($"VOI LUT {index} does not exist: the data set has {items.Count}", VoiLutSequenceTag);
        }

        var item = items[index];
        return LookupTable.FromElements(
            item[LutDescriptorTag] ?? throw new PixelDataException("LUT Descriptor is missing in the VOI LUT Sequence", LutDescriptorTag),
            item[LutDataTag] ?? throw new PixelDataException("LUT Data is missing in the VOI LUT Sequence", LutDataTag),
            signedInput);
    }
}
