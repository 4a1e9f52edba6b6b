namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// The greyscale pipeline of PS3.4 N.2.1: stored value → Modality LUT → VOI (window or VOI LUT) → Presentation LUT
/// (IDENTITY or INVERSE, MONOCHROME1 inverted by default) → 8-bit display value.
/// </summary>
public sealed partial class GrayscaleTransform
{
    public GrayscaleTransform(ModalityTransform modality, VoiWindow? window, LookupTable? voiLut, bool invert)
    {
        ArgumentNullException.ThrowIfNull(modality);
        if (window is null && voiLut is null)
        {
            throw new ArgumentException("Either a window or a VOI LUT is needed", nameof(window));
        }

        window?.Validate();
        Modality = modality;
        Window = window;
        VoiLut = voiLut;
        Invert = invert;
    }

    public ModalityTransform Modality { get; }

    /// <summary>The window in use; null when a VOI LUT is used instead.</summary>
    public VoiWindow? Window { get; }

    public LookupTable? VoiLut { get; }

    /// <summary>True when the output is inverted (MONOCHROME1, or Presentation LUT Shape INVERSE).</summary>
    public bool Invert { get; }

    /// <summary>The VOI stage alone: a modality value to [0, 255] before any inversion, unrounded.</summary>
    public double Voi(double modalityValue)
    {
        if (VoiLut is { } lut)
        {
            return lut[modalityValue] * 255.0 / lut.MaxOutput;
        }

        return Window!.Apply(modalityValue);
    }

    /// <summary>The whole pipeline for one stored value, rounded to 8 bits.</summary>
    public byte Apply(double stored)
    {
        double y = Voi(Modality.Apply(stored));
        int v = (int)Math.Round(Math.Clamp(y, 0, 255), MidpointRounding.AwayFromZero);
        return (byte)(Invert ? 255 - v : v);
    }

    /// <summary>Renders the first sample of every pixel of a greyscale frame.</summary>
    public byte[] Render(FrameSamples frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int pixels = frame.Rows * frame.Columns;
        var result = new byte[pixels];

        // Integer stored ranges are small: precompute the table when it is cheaper than the pixels.
        var info = frame.Info;
        if (info.BitsStored <= 16)
        {
            int min = info.IsSigned ? -(1 << (info.BitsStored - 1)) : 0;
            int size = 1 << info.BitsStored;
            if (size <= pixels * 4)
            {
                var table = new byte[size];
                for (int i = 0; i < size; i++)
                {
                    table[i] = Apply(min + i);
                }

                for (int p = 0; p < pixels; p++)
                {
                    result[p] = table[frame.Samples[p * frame.SamplesPerPixel] - min];
                }

                return result;
            }
        }

        for (int p = 0; p < pixels; p++)
        {
            result[p] = Apply(frame.ValueAt(p * frame.SamplesPerPixel));
        }

        return result;
    }
}
