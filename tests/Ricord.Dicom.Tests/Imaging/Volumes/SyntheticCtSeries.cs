using System.Buffers.Binary;
using System.Globalization;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Dicom.Tests.Imaging.Volumes;

/// <summary>Builds small CT instances in memory: 16-bit signed, 12 bits stored, intercept −1024, pixel value tells the slice.</summary>
public static class SyntheticCtSeries
{
    public const string StudyUid = "1.2.826.0.1.3680043.10.474.1";
    public const string SeriesUid = "1.2.826.0.1.3680043.10.474.1.2";

    /// <summary>The stored value of pixel (i, j) of a slice with tag <paramref name="marker"/>: modality value marker·10 + j·8 + i − 1024 + 1024.</summary>
    public static short Stored(int marker, int i, int j) => (short)((marker * 10) + (j * 8) + i);

    public static DicomDataset Slice(int marker, Vector3 position, Vector3? row = null, Vector3? column = null,
        int rows = 8, int columns = 8, double spacing = 0.7, long acquisition = 1)
    {
        var r = row ?? new Vector3(1, 0, 0);
        var c = column ?? new Vector3(0, 1, 0);
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0008, 0x0016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.SetString(new DicomTag(0x0008, 0x0018), DicomVR.UI, $"{SeriesUid}.{marker}.{acquisition}");
        ds.SetString(new DicomTag(0x0008, 0x0060), DicomVR.CS, "CT");
        ds.SetString(new DicomTag(0x0010, 0x0010), DicomVR.PN, "Synthetic^Volume");
        ds.SetString(new DicomTag(0x0010, 0x0020), DicomVR.LO, "SYN-1");
        ds.SetDecimalStrings(new DicomTag(0x0018, 0x0050), 1.0);
        ds.SetString(new DicomTag(0x0020, 0x000D), DicomVR.UI, StudyUid);
        ds.SetString(new DicomTag(0x0020, 0x000E), DicomVR.UI, SeriesUid);
        ds.SetIntegerString(new DicomTag(0x0020, 0x0011), 2);
        ds.SetIntegerString(new DicomTag(0x0020, 0x0012), acquisition);
        ds.SetIntegerString(new DicomTag(0x0020, 0x0013), 100 - marker); // deliberately not the spatial order
        ds.SetDecimalStrings(new DicomTag(0x0020, 0x0032), position.X, position.Y, position.Z);
        ds.SetDecimalStrings(new DicomTag(0x0020, 0x0037), r.X, r.Y, r.Z, c.X, c.Y, c.Z);
        ds.SetString(new DicomTag(0x0020, 0x0052), DicomVR.UI, StudyUid + ".9");
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), 1);
        ds.SetString(new DicomTag(0x0028, 0x0004), DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(new DicomTag(0x0028, 0x0010), (ushort)rows);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), (ushort)columns);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x0030), spacing, spacing);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), 16);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), 12);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), 11);
        ds.SetUInt16(new DicomTag(0x0028, 0x0103), 1);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1052), -1024);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1053), 1);
        var pixels = new byte[rows * columns * 2];
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(((j * columns) + i) * 2), Stored(marker, i, j));
            }
        }

        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, pixels);
        return ds;
    }

    /// <summary>An axial stack of <paramref name="count"/> slices from z = <paramref name="z0"/> every <paramref name="step"/> mm; marker = slice index.</summary>
    public static List<DicomDataset> Axial(int count = 16, double z0 = -50, double step = 1.25) =>
        [.. Enumerable.Range(0, count).Select(k => Slice(k, new Vector3(-2.45, -2.45, z0 + (k * step))))];

    public static List<DicomDataset> Shuffled(IEnumerable<DicomDataset> items, int seed = 7)
    {
        var random = new Random(seed);
        return [.. items.Select(d => (d, key: random.Next())).OrderBy(p => p.key).Select(p => p.d)];
    }

    public static string Uid(int marker, long acquisition = 1) => $"{SeriesUid}.{marker}.{acquisition}";

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
