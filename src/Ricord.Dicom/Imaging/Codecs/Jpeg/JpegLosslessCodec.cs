namespace Ricord.Dicom.Imaging;

/// <summary>
/// JPEG Lossless, non-hierarchical (ITU T.81 Annex H, process 14): decodes any predictor, 2–16 bit precision,
/// one or more components; encodes with first-order prediction (selection value 1), valid for both transfer syntaxes.
/// </summary>
public sealed class JpegLosslessCodec : IPixelCodec
{
    public JpegLosslessCodec(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (transferSyntax != DicomTransferSyntax.JpegLosslessSV1 && transferSyntax != DicomTransferSyntax.JpegLosslessProcess14)
        {
            throw new ArgumentException($"{transferSyntax.Name} is not a JPEG Lossless transfer syntax", nameof(transferSyntax));
        }

        TransferSyntax = transferSyntax;
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public bool CanEncode => true;

    public byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new JpegLosslessDecoder(frame).Decode(info);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return JpegLosslessEncoder.Encode(frame, info);
    }
}
