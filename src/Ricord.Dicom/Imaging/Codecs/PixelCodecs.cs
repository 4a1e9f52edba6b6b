namespace Ricord.Dicom.Imaging;

/// <summary>The pixel codecs Ricord has, by transfer syntax. Immutable: the set is fixed at build time.</summary>
public static class PixelCodecs
{
    private static readonly Dictionary<string, IPixelCodec> ByUid = new IPixelCodec[]
    {
        new RleCodec(),
        new JpegBaselineCodec(DicomTransferSyntax.JpegBaseline),
        new JpegBaselineCodec(DicomTransferSyntax.JpegExtended),
        new JpegLosslessCodec(DicomTransferSyntax.JpegLosslessSV1),
        new JpegLosslessCodec(DicomTransferSyntax.JpegLosslessProcess14),
        new JpegLSCodec(DicomTransferSyntax.JpegLSLossless),
        new JpegLSCodec(DicomTransferSyntax.JpegLSNearLossless),
        new Jpeg2000Codec(DicomTransferSyntax.Jpeg2000Lossless),
        new Jpeg2000Codec(DicomTransferSyntax.Jpeg2000),
        new Jpeg2000Codec(DicomTransferSyntax.HTJ2KLossless),
        new Jpeg2000Codec(DicomTransferSyntax.HTJ2KLosslessRPCL),
        new Jpeg2000Codec(DicomTransferSyntax.HTJ2K),
    }.ToDictionary(c => c.TransferSyntax.Uid);

    public static IReadOnlyCollection<IPixelCodec> All => ByUid.Values;

    /// <summary>The codec for <paramref name="transferSyntax"/>, or null when Ricord cannot decode it.</summary>
    public static IPixelCodec? Find(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return ByUid.GetValueOrDefault(transferSyntax.Uid);
    }

    /// <summary>Like <see cref="Find"/>, but throws a <see cref="PixelDataException"/> naming the syntax when there is no codec.</summary>
    public static IPixelCodec Get(DicomTransferSyntax transferSyntax) =>
        Find(transferSyntax) ?? throw new PixelDataException(
            $"No pixel codec for {transferSyntax.Name} ({transferSyntax.Uid}); Ricord decodes {string.Join(", ", ByUid.Values.Select(c => c.TransferSyntax.Name))}");
}
