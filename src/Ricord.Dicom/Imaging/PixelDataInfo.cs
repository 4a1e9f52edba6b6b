using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// The Image Pixel module attributes (PS3.3 C.7.6.3) that say how to read pixel data: geometry, sample
/// layout and the size of one native (uncompressed) frame.
/// </summary>
public sealed record PixelDataInfo
{
    private static readonly DicomTag SamplesPerPixelTag = new(0x0028, 0x0002);
    private static readonly DicomTag PhotometricInterpretationTag = new(0x0028, 0x0004);
    private static readonly DicomTag PlanarConfigurationTag = new(0x0028, 0x0006);
    private static readonly DicomTag NumberOfFramesTag = new(0x0028, 0x0008);
    private static readonly DicomTag RowsTag = new(0x0028, 0x0010);
    private static readonly DicomTag ColumnsTag = new(0x0028, 0x0011);
    private static readonly DicomTag BitsAllocatedTag = new(0x0028, 0x0100);
    private static readonly DicomTag BitsStoredTag = new(0x0028, 0x0101);
    private static readonly DicomTag HighBitTag = new(0x0028, 0x0102);
    private static readonly DicomTag PixelRepresentationTag = new(0x0028, 0x0103);

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public int SamplesPerPixel { get; init; } = 1;

    public required int BitsAllocated { get; init; }

    public required int BitsStored { get; init; }

    public required int HighBit { get; init; }

    /// <summary>0 unsigned, 1 two's complement.</summary>
    public int PixelRepresentation { get; init; }

    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";

    /// <summary>0 colour-by-pixel (R1G1B1R2…), 1 colour-by-plane (R…G…B…).</summary>
    public int PlanarConfiguration { get; init; }

    public int NumberOfFrames { get; init; } = 1;

    public bool IsSigned => PixelRepresentation == 1;

    /// <summary>Bytes per sample: 1, 2, 4 or 8 (BitsAllocated 1 counts as 1 here; see <see cref="FrameBits"/>).</summary>
    public int BytesPerSample => Math.Max(1, BitsAllocated / 8);

    /// <summary>Bits in one native frame: Rows × Columns × SamplesPerPixel × BitsAllocated.</summary>
    public long FrameBits => (long)Rows * Columns * SamplesPerPixel * BitsAllocated;

    /// <summary>Bytes in one native frame; for BitsAllocated 1 the bit count rounded up to whole bytes.</summary>
    public long FrameSize => (FrameBits + 7) / 8;

    /// <summary>Reads and validates the Image Pixel attributes; errors name the attribute.</summary>
    public static PixelDataInfo FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int rows = Required(dataset, RowsTag, "Rows");
        int columns = Required(dataset, ColumnsTag, "Columns");
        int bitsAllocated = Required(dataset, BitsAllocatedTag, "Bits Allocated");
        int samples = Optional(dataset, SamplesPerPixelTag) ?? 1;
        int bitsStored = Optional(dataset, BitsStoredTag) ?? bitsAllocated;
        int highBit = Optional(dataset, HighBitTag) ?? bitsStored - 1;
        int pixelRepresentation = Optional(dataset, PixelRepresentationTag) ?? 0;
        int planar = samples > 1 ? Optional(dataset, PlanarConfigurationTag) ?? 0 : 0;
        int frames = OptionalIS(dataset, NumberOfFramesTag) ?? 1;
        string photometric = Text(dataset, PhotometricInterpretationTag) is { Length: > 0 } p
            ? p
            : samples == 3 ? "RGB" : "MONOCHROME2";

        Check(rows > 0, "Rows must be positive", RowsTag);
        Check(columns > 0, "Columns must be positive", ColumnsTag);
        Check(bitsAllocated is 1 or 8 or 16 or 32 or 64, $"Bits Allocated {bitsAllocated} is not 1, 8, 16, 32 or 64", BitsAllocatedTag);
        Check(bitsStored >= 1 && bitsStored <= bitsAllocated, $"Bits Stored {bitsStored} is not in 1..Bits Allocated ({bitsAllocated})", BitsStoredTag);
        Check(highBit >= bitsStored - 1 && highBit < bitsAllocated, $"High Bit {highBit} is not in Bits Stored - 1 ({bitsStored - 1})..Bits Allocated - 1 ({bitsAllocated - 1})", HighBitTag);
        Check(pixelRepresentation is 0 or 1, $"Pixel Representation {pixelRepresentation} is not 0 or 1", PixelRepresentationTag);
        Check(samples is >= 1 and <= 4, $"Samples per Pixel {samples} is not 1..4", SamplesPerPixelTag);
        Check(planar is 0 or 1, $"Planar Configuration {planar} is not 0 or 1", PlanarConfigurationTag);
        Check(frames >= 1, $"Number of Frames {frames} must be at least 1", NumberOfFramesTag);

        return new PixelDataInfo
        {
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            PixelRepresentation = pixelRepresentation,
            PhotometricInterpretation = photometric,
            PlanarConfiguration = planar,
            NumberOfFrames = frames,
        };
    }

    private static void Check(bool ok, string message, DicomTag tag)
    {
        if (!ok)
        {
            throw new PixelDataException(message, tag);
        }
    }

    private static int Required(DicomDataset ds, DicomTag tag, string name) =>
        Optional(ds, tag) ?? throw new PixelDataException($"{name} is missing or empty", tag);

    /// <summary>A US value; also read when the element came in as UN (implicit VR with an unknown dictionary entry).</summary>
    private static int? Optional(DicomDataset ds, DicomTag tag)
    {
        if (ds[tag] is not { } e || e.Bytes.Length == 0)
        {
            return null;
        }

        return e.VR switch
        {
            DicomVR.US or DicomVR.OW or DicomVR.UN or DicomVR.OB when e.Bytes.Length >= 2 => BinaryPrimitives.ReadUInt16LittleEndian(e.Bytes),
            DicomVR.SS when e.Bytes.Length >= 2 => BinaryPrimitives.ReadInt16LittleEndian(e.Bytes),
            DicomVR.IS or DicomVR.DS => OptionalIS(ds, tag),
            _ => throw new PixelDataException($"Unexpected VR {e.VR} ({e.Bytes.Length} bytes) for", tag),
        };
    }

    private static int? OptionalIS(DicomDataset ds, DicomTag tag)
    {
        if (Text(ds, tag) is not { Length: > 0 } s)
        {
            return null;
        }

        string first = s.Split('\\')[0].Trim();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && d is >= 0 and <= int.MaxValue
            ? (int)d
            : throw new PixelDataException($"'{first}' is not an integer string in", tag);
    }

    private static string? Text(DicomDataset ds, DicomTag tag) =>
        ds[tag] is { } e ? Encoding.ASCII.GetString(e.Bytes).Trim(' ', '\0') : null;
}
