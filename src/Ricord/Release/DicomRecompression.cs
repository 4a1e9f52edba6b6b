using Ricord.Dicom;
using Ricord.Dicom.Imaging;

namespace Ricord.Release;

/// <summary>
/// Lossless re-compression of a released instance (JPEG-LS or RLE), written only when every frame of the re-compressed
/// file, read back from its bytes and decoded, is byte for byte the original's frame (decoded the same way). Instances
/// without pixel data, already in the target syntax, lossy-compressed or with planar colour are kept as stored.
/// </summary>
internal static class DicomRecompression
{
    public static DicomTransferSyntax Target(string recompress) => recompress switch
    {
        ReleaseSpec.JpegLs => DicomTransferSyntax.JpegLSLossless,
        ReleaseSpec.Rle => DicomTransferSyntax.RleLossless,
        _ => throw new ReleaseException($"no lossless re-compression named '{recompress}'"),
    };

    /// <summary>The re-compressed file, or null when the original is kept (with the reason, null when there is nothing to re-compress).</summary>
    public static byte[]? Recompress(ReadOnlyMemory<byte> original, DicomTransferSyntax target, out string? kept)
    {
        kept = null;
        DicomFile file;
        try
        {
            file = DicomFile.Read(original);
        }
        catch (DicomFormatException e)
        {
            kept = $"not readable ({e.Message})";
            return null;
        }

        if (file.Dataset[DicomTags.PixelData] is null || file.TransferSyntax == target)
        {
            return null;
        }

        var info = PixelDataInfo.FromDataset(file.Dataset);
        if (file.TransferSyntax.IsLossy)
        {
            kept = "lossy-compressed source";
            return null;
        }

        if (info.SamplesPerPixel > 1 && info.PlanarConfiguration == 1 && !file.TransferSyntax.IsEncapsulated)
        {
            kept = "planar colour";
            return null;
        }

        try
        {
            byte[] bytes = DicomTranscoder.Transcode(file, target).ToBytes();
            var written = DicomFile.Read(bytes);
            for (int f = 0; f < info.NumberOfFrames; f++)
            {
                if (!Frame(file, info, f).AsSpan().SequenceEqual(Frame(written, PixelDataInfo.FromDataset(written.Dataset), f)))
                {
                    kept = $"frame {f + 1} would not decode to the same bytes";
                    return null;
                }
            }

            return bytes;
        }
        catch (PixelDataException e)
        {
            kept = $"cannot be re-compressed ({e.Message})";
            return null;
        }
    }

    /// <summary>Frame <paramref name="f"/> as native bytes: as stored, or decoded by the syntax's codec.</summary>
    private static byte[] Frame(DicomFile file, PixelDataInfo info, int f)
    {
        var frame = DicomPixelData.GetFrame(file.Dataset, f, file.TransferSyntax);
        return file.TransferSyntax.IsEncapsulated ? PixelCodecs.Get(file.TransferSyntax).Decode(frame.Span, info) : frame.ToArray();
    }
}
