namespace Ricord.Dicom.Imaging;

/// <summary>
/// Decodes (and optionally encodes) the frames of one compressed transfer syntax. Decoded frames are native:
/// little-endian, samples interleaved (Planar Configuration 0), <see cref="PixelDataInfo.BitsAllocated"/> per sample.
/// </summary>
public interface IPixelCodec
{
    DicomTransferSyntax TransferSyntax { get; }

    bool CanEncode { get; }

    /// <summary>Decodes one compressed frame into native pixel bytes.</summary>
    byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info);

    /// <summary>Encodes one native frame (interleaved, little-endian); throws <see cref="NotSupportedException"/> when <see cref="CanEncode"/> is false.</summary>
    byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info);
}
