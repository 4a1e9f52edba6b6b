namespace Ricord.Dicom.Imaging;

/// <summary>
/// Decodes (and optionally encodes) the frames of one compressed transfer syntax. Decoded frames are native:
/// little-endian, samples interleaved (Planar Configuration 0), <see cref="PixelDataInfo.BitsAllocated"/> per sample.
/// </summary>
public interface IPixelCodec
{
    DicomTransferSyntax TransferSyntax { get; }

    bool CanEncode { get; }

    /// <summary>
    /// The Photometric Interpretation of decoded frames: the data set's, unless decoding converts colour (JPEG
    /// YBR_FULL / YBR_FULL_422 and JPEG 2000 YBR_RCT / YBR_ICT decode to RGB).
    /// </summary>
    string DecodedPhotometricInterpretation(PixelDataInfo info) => info?.PhotometricInterpretation ?? throw new ArgumentNullException(nameof(info));

    /// <summary>The Photometric Interpretation to record for frames this codec encoded from <paramref name="info"/>.</summary>
    string EncodedPhotometricInterpretation(PixelDataInfo info) => info?.PhotometricInterpretation ?? throw new ArgumentNullException(nameof(info));

    /// <summary>Decodes one compressed frame into native pixel bytes.</summary>
    byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info);

    /// <summary>Encodes one native frame (interleaved, little-endian); throws <see cref="NotSupportedException"/> when <see cref="CanEncode"/> is false.</summary>
    byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info);
}
