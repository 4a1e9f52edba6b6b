namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>Colour frames to 8-bit RGB: RGB as is, YBR by PS3.3 C.7.6.3.1.2, PALETTE COLOR through its palette.</summary>
public static class ColorTransform
{
    /// <summary>Interleaved 8-bit RGB for a colour (or palette) frame.</summary>
    public static byte[] ToRgb(FrameSamples frame, DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(dataset);
        int pixels = frame.Rows * frame.Columns;
        var rgb = new byte[pixels * 3];
        var s = frame.Samples;
        string photometric = frame.Info.PhotometricInterpretation;
        if (photometric == "PALETTE COLOR")
        {
            var palette = PaletteColorLut.FromDataset(dataset, frame.Info.IsSigned);
            for (int p = 0; p < pixels; p++)
            {
                palette.Map(s[p * frame.SamplesPerPixel], rgb.AsSpan(p * 3, 3));
            }

            return rgb;
        }

        if (frame.SamplesPerPixel < 3)
        {
            throw new PixelDataException($"{photometric} needs 3 samples per pixel, the frame has {frame.SamplesPerPixel}");
        }

        // Samples wider than 8 bits keep their top 8 bits.
        int shift = Math.Max(0, frame.Info.BitsStored - 8);
        for (int p = 0; p < pixels; p++)
        {
            int o = p * frame.SamplesPerPixel;
            int a = s[o] >> shift, b = s[o + 1] >> shift, c = s[o + 2] >> shift;
            switch (photometric)
            {
                case "YBR_FULL" or "YBR_FULL_422":
                    Set(rgb, p, a + (1.402 * (c - 128)), a - (0.344136 * (b - 128)) - (0.714136 * (c - 128)), a + (1.772 * (b - 128)));
                    break;
                case "YBR_PARTIAL_422" or "YBR_PARTIAL_420":
                    double y = 1.1644 * (a - 16);
                    Set(rgb, p, y + (1.5960 * (c - 128)), y - (0.3918 * (b - 128)) - (0.8130 * (c - 128)), y + (2.0172 * (b - 128)));
                    break;
                default: // RGB, and YBR_ICT / YBR_RCT, which JPEG 2000 decoders already return as RGB
                    rgb[p * 3] = (byte)a;
                    rgb[(p * 3) + 1] = (byte)b;
                    rgb[(p * 3) + 2] = (byte)c;
                    break;
            }
        }

        return rgb;
    }

    public static bool IsColor(string photometric) => photometric is not ("MONOCHROME1" or "MONOCHROME2");

    private static void Set(byte[] rgb, int p, double r, double g, double b)
    {
        rgb[p * 3] = Clamp(r);
        rgb[(p * 3) + 1] = Clamp(g);
        rgb[(p * 3) + 2] = Clamp(b);
    }

    private static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v, MidpointRounding.AwayFromZero), 0, 255);
}
