namespace Ricord.Dicom;

/// <summary>A transfer syntax (PS3.5 10, PS3.6 Table A-1): how a data set is encoded.</summary>
public sealed class DicomTransferSyntax
{
    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = [];

    private DicomTransferSyntax(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated,
        bool lossy, bool retired)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
        IsRetired = retired;
    }

    private static DicomTransferSyntax Register(string uid, string name, bool explicitVR, bool bigEndian, bool deflated,
        bool encapsulated, bool lossy, bool retired = false)
    {
        var ts = new DicomTransferSyntax(uid, name, explicitVR, bigEndian, deflated, encapsulated, lossy, retired);
        ByUid.Add(uid, ts);
        return ts;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    public bool IsBigEndian { get; }

    public bool IsDeflated { get; }

    public bool IsEncapsulated { get; }

    public bool IsLossy { get; }

    public bool IsRetired { get; }

    /// <summary>True when this syntax is one of those known to Ricord (not constructed for an unknown UID).</summary>
    public bool IsKnown => ByUid.TryGetValue(Uid, out var known) && ReferenceEquals(known, this);

    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = Register("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, false);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = Register("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, false);
    public static readonly DicomTransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = Register("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, false, false, true, false);
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = Register("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, false);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = Register("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, false, false, retired: true);
    public static readonly DicomTransferSyntax JpegBaseline = Register("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, true, true);
    public static readonly DicomTransferSyntax JpegExtended = Register("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, false, true, true);
    public static readonly DicomTransferSyntax JpegLosslessProcess14 = Register("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, false, true, false);
    public static readonly DicomTransferSyntax JpegLosslessSV1 = Register("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true, false, false, true, false);
    public static readonly DicomTransferSyntax JpegLSLossless = Register("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false, false, true, false);
    public static readonly DicomTransferSyntax JpegLSNearLossless = Register("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, false, true, true);
    public static readonly DicomTransferSyntax Jpeg2000Lossless = Register("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false);
    public static readonly DicomTransferSyntax Jpeg2000 = Register("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, false, false, true, true);
    public static readonly DicomTransferSyntax HTJ2KLossless = Register("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false);
    public static readonly DicomTransferSyntax HTJ2KLosslessRPCL = Register("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", true, false, false, true, false);
    public static readonly DicomTransferSyntax HTJ2K = Register("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true, false, false, true, true);
    public static readonly DicomTransferSyntax RleLossless = Register("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true, false);
    public static readonly DicomTransferSyntax Mpeg2 = Register("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, false, false, true, true);
    public static readonly DicomTransferSyntax Mpeg4 = Register("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", true, false, false, true, true);

    /// <summary>Every transfer syntax known to Ricord, in PS3.6 order.</summary>
    public static IReadOnlyCollection<DicomTransferSyntax> All => ByUid.Values;

    /// <summary>The four uncompressed (native) syntaxes the reader and writer transcode between.</summary>
    public static IReadOnlyList<DicomTransferSyntax> Uncompressed { get; } =
        [ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian];

    /// <summary>Looks up a UID. Unknown UIDs give a syntax read as explicit VR little endian with encapsulated pixel data, which is what every unknown compressed syntax is (PS3.5 A.4).</summary>
    public static DicomTransferSyntax FromUid(string uid)
    {
        uid = uid.Trim().TrimEnd('\0');
        return ByUid.TryGetValue(uid, out var ts)
            ? ts
            : new DicomTransferSyntax(uid, $"Unknown ({uid})", true, false, false, true, false, false);
    }

    public override string ToString() => Name;
}
