using Ricord.Dicom;
using Ricord.Dicom.Imaging;

namespace Ricord.Deid;

/// <summary>
/// Blanks pixel regions where a device draws identifying text (the Clean Pixel Data option, PS3.15 E.3.1):
/// every frame, every sample, painted black (the lowest value for MONOCHROME2 and colour, the highest for
/// MONOCHROME1). Compressed pixel data is decoded first, so the result is in Explicit VR Little Endian.
/// BurnedInAnnotation becomes NO only because the known regions are now blank, and the rule's name is returned for the report.
/// </summary>
public static class PixelBlanker
{
    private static readonly DicomTag PixelData = new(0x7FE00010);

    /// <summary>A new file with <paramref name="rule"/>'s regions blanked in every frame.</summary>
    public static DicomFile Blank(DicomFile file, PixelRules.BlankingRule rule)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rule);
        var native = file.TransferSyntax.IsEncapsulated || file.TransferSyntax != DicomTransferSyntax.ExplicitVRLittleEndian
            ? DicomTranscoder.Transcode(file, DicomTransferSyntax.ExplicitVRLittleEndian)
            : new DicomFile(file.Dataset.Clone(), file.TransferSyntax);
        var ds = native.Dataset;
        var info = PixelDataInfo.FromDataset(ds);
        if (info.Rows != rule.Rows || info.Columns != rule.Columns)
        {
            throw new DeidentificationException($"Blanking rule '{rule.Name}' is for {rule.Columns}x{rule.Rows} images; this one is {info.Columns}x{info.Rows}.");
        }

        if (info.BitsAllocated is not (8 or 16) || ds[PixelData] is not { } element)
        {
            throw new DeidentificationException($"Blanking needs native 8- or 16-bit pixel data; this instance has {info.BitsAllocated} bits allocated.");
        }

        byte[] pixels = element.Bytes.ToArray();
        if (pixels.Length < info.FrameSize * info.NumberOfFrames)
        {
            throw new DeidentificationException($"Pixel Data (7FE0,0010) holds {pixels.Length} bytes; {info.NumberOfFrames} frames need {info.FrameSize * info.NumberOfFrames}.");
        }

        uint black = info.PhotometricInterpretation.Trim() == "MONOCHROME1" ? (1u << info.BitsStored) - 1 : 0;
        if (info.IsSigned && black == 0 && info.PhotometricInterpretation.StartsWith("MONOCHROME", StringComparison.Ordinal))
        {
            black = unchecked((uint)-(1 << (info.BitsStored - 1))); // the most negative value, sign-extended to BitsAllocated
        }

        for (int frame = 0; frame < info.NumberOfFrames; frame++)
        {
            var span = pixels.AsSpan((int)(frame * info.FrameSize), (int)info.FrameSize);
            foreach (var r in rule.Regions)
            {
                Paint(span, info, r[0], r[1], r[2], r[3], black);
            }
        }

        ds.Set(new DicomElement(PixelData, element.VR, pixels));
        ds.SetString(DeidTags.BurnedInAnnotation, DicomVR.CS, "NO");
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static void Paint(Span<byte> frame, PixelDataInfo info, int x0, int y0, int width, int height, uint value)
    {
        int samples = info.SamplesPerPixel;
        int bytes = info.BytesPerSample;
        bool planar = samples > 1 && info.PlanarConfiguration == 1;
        long plane = (long)info.Rows * info.Columns * bytes;
        for (int y = y0; y < y0 + height; y++)
        {
            for (int x = x0; x < x0 + width; x++)
            {
                for (int s = 0; s < samples; s++)
                {
                    long at = planar
                        ? (s * plane) + (((long)y * info.Columns) + x) * bytes
                        : ((((long)y * info.Columns) + x) * samples + s) * bytes;
                    if (bytes == 1)
                    {
                        frame[(int)at] = (byte)value;
                    }
                    else
                    {
                        frame[(int)at] = (byte)value;
                        frame[(int)at + 1] = (byte)(value >> 8);
                    }
                }
            }
        }
    }
}
