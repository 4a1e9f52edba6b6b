namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// One frame as integer samples: <see cref="SamplesPerPixel"/> values per pixel, interleaved, row by row.
/// Stored values already have bits above High Bit removed and are sign-extended when Pixel Representation is 1.
/// </summary>
public sealed class FrameSamples
{
    public FrameSamples(PixelDataInfo info, int[] samples, int samplesPerPixel)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(samples);
        Info = info;
        Samples = samples;
        SamplesPerPixel = samplesPerPixel;
    }

    public PixelDataInfo Info { get; }

    /// <summary>Samples, interleaved (R1G1B1R2… for colour); YBR_FULL_422 is already expanded to three samples per pixel.</summary>
    public int[] Samples { get; }

    public int SamplesPerPixel { get; }

    public int Rows => Info.Rows;

    public int Columns => Info.Columns;

    /// <summary>
    /// A sample as a number: unsigned 32-bit data with the top bit set does not fit an <see cref="int"/> and is stored
    /// wrapped, so it is unwrapped here.
    /// </summary>
    public double ValueAt(int index) =>
        !Info.IsSigned && Info.BitsStored == 32 ? (uint)Samples[index] : Samples[index];
}
