namespace Ricord.Dicom.Imaging;

/// <summary>
/// JPEG Baseline (process 1, 8-bit) and Extended (processes 2 and 4, 8 or 12-bit) decoding, managed: sequential
/// Huffman DCT with the IJG library's integer IDCT, upsampling and colour conversion, so frames decode exactly as
/// dcmtk's dcmdjpeg decodes them. Debian's libjpeg-turbo 2.1 has no 12-bit build, hence no native dependency.
/// Lossy: Ricord does not encode these syntaxes.
/// </summary>
public sealed class JpegBaselineCodec : IPixelCodec
{
    public JpegBaselineCodec(DicomTransferSyntax transferSyntax, JpegColorConversion colorConversion = JpegColorConversion.Photometric)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (transferSyntax != DicomTransferSyntax.JpegBaseline && transferSyntax != DicomTransferSyntax.JpegExtended)
        {
            throw new ArgumentException($"{transferSyntax.Name} is not JPEG Baseline or Extended", nameof(transferSyntax));
        }

        TransferSyntax = transferSyntax;
        ColorConversion = colorConversion;
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public JpegColorConversion ColorConversion { get; }

    public bool CanEncode => false;

    /// <summary>YBR_FULL and YBR_FULL_422 decode to RGB (also with <see cref="JpegColorConversion.Guess"/>, where the markers decide).</summary>
    public string DecodedPhotometricInterpretation(PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return ColorConversion != JpegColorConversion.Never && info.SamplesPerPixel == 3 && info.PhotometricInterpretation.StartsWith("YBR_FULL", StringComparison.Ordinal)
            ? "RGB"
            : info.PhotometricInterpretation;
    }

    public byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var decoded = new JpegDctDecoder(frame).Decode();
        bool toRgb = ColorConversion switch
        {
            JpegColorConversion.Photometric => info.PhotometricInterpretation is "YBR_FULL" or "YBR_FULL_422",
            JpegColorConversion.Guess => decoded.GuessYCbCr,
            _ => false,
        };
        return JpegDctDecoder.ToPixels(decoded, info, toRgb);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info) =>
        throw new NotSupportedException($"Ricord does not encode {TransferSyntax.Name} (lossy); use a lossless syntax");
}
