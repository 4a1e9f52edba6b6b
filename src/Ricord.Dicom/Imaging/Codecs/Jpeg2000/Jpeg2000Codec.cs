namespace Ricord.Dicom.Imaging;

/// <summary>
/// JPEG 2000 (ISO 15444-1, PS3.5 A.4.4) and High-Throughput JPEG 2000 (ISO 15444-15, PS3.5 A.4.11) through
/// OpenJPEG 2.5 (libopenjp2.so.7, Debian package libopenjp2-7), loaded at run time. Decodes J2K codestreams and
/// JP2 files, signed or unsigned, 1 to 16 bits, any component count; a multi-component transform in the codestream
/// is inverted by OpenJPEG, so YBR_RCT / YBR_ICT frames decode to RGB. Encodes the lossless syntax only: a J2K
/// codestream, reversible 5/3 wavelet, one quality layer, and the reversible colour transform for RGB (the frame is
/// then YBR_RCT, PS3.3 C.7.6.3.1.2).
/// </summary>
public sealed partial class Jpeg2000Codec : IPixelCodec
{
    private static readonly DicomTransferSyntax[] Syntaxes =
    [
        DicomTransferSyntax.Jpeg2000Lossless, DicomTransferSyntax.Jpeg2000,
        DicomTransferSyntax.HTJ2KLossless, DicomTransferSyntax.HTJ2KLosslessRPCL, DicomTransferSyntax.HTJ2K,
    ];

    public Jpeg2000Codec(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (!Syntaxes.Contains(transferSyntax))
        {
            throw new ArgumentException($"{transferSyntax.Name} is not a JPEG 2000 transfer syntax", nameof(transferSyntax));
        }

        TransferSyntax = transferSyntax;
    }

    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Only JPEG 2000 Lossless: OpenJPEG 2.5 cannot write HTJ2K, and lossy encoding is not offered.</summary>
    public bool CanEncode => TransferSyntax == DicomTransferSyntax.Jpeg2000Lossless;

    /// <summary>Whether OpenJPEG can be loaded on this machine.</summary>
    public static bool IsAvailable => NativeCodecLibrary.IsAvailable(OpenJpeg.Library);

    /// <summary>YBR_RCT and YBR_ICT frames decode to RGB: the inverse component transform is part of decoding.</summary>
    public string DecodedPhotometricInterpretation(PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.PhotometricInterpretation is "YBR_RCT" or "YBR_ICT" ? "RGB" : info.PhotometricInterpretation;
    }

    /// <summary>RGB frames are encoded with the reversible colour transform, so they become YBR_RCT.</summary>
    public string EncodedPhotometricInterpretation(PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return UsesColourTransform(info) ? "YBR_RCT" : info.PhotometricInterpretation;
    }

    public byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            return DecodeNative(frame.ToArray(), info);
        }
        catch (DllNotFoundException e)
        {
            throw NativeCodecLibrary.Missing("JPEG 2000 decoding", OpenJpeg.Library, OpenJpeg.Package, e);
        }
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!CanEncode)
        {
            throw new NotSupportedException($"Ricord encodes JPEG 2000 Lossless only, not {TransferSyntax.Name}");
        }

        try
        {
            return EncodeNative(frame, info);
        }
        catch (DllNotFoundException e)
        {
            throw NativeCodecLibrary.Missing("JPEG 2000 encoding", OpenJpeg.Library, OpenJpeg.Package, e);
        }
    }

    private static bool UsesColourTransform(PixelDataInfo info) => info.SamplesPerPixel == 3 && info.PhotometricInterpretation == "RGB";
}
