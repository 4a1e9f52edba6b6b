using System.Buffers.Binary;
using Ricord.Dicom.Tests.Corpus;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>Images built for rendering tests from pydicom files or from scratch.</summary>
public static class SyntheticImages
{
    private static readonly DicomTag PhotometricTag = new(0x0028, 0x0004);

    public static DicomDataset Monochrome1FromCtSmall()
    {
        var ds = DicomFile.Open(PydicomFiles.PathOf("test_files/CT_small.dcm")).Dataset;
        ds.SetString(PhotometricTag, DicomVR.CS, "MONOCHROME1");
        return ds;
    }

    /// <summary>64×64, 16 allocated, 12 stored, signed, high bit 11, random garbage in bits 12..15, a ramp −2048..2047.</summary>
    public static DicomDataset SignedTwelveBitWithGarbage()
    {
        var ds = Base(64, 64, "MONOCHROME2", 16, 12, 1);
        var random = new Random(12);
        var bytes = new byte[64 * 64 * 2];
        for (int p = 0; p < 64 * 64; p++)
        {
            int value = p - 2048;
            int raw = (value & 0x0FFF) | (random.Next(16) << 12);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p * 2), (ushort)raw);
        }

        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, bytes);
        return ds;
    }

    /// <summary>A 64×64 8-bit index ramp (0..255 twice per row group) coloured by a pydicom Color Palette file.</summary>
    public static DicomDataset PaletteColor(string palettePath)
    {
        var palette = DicomFile.Open(palettePath).Dataset;
        var ds = Base(64, 64, "PALETTE COLOR", 8, 8, 0);
        foreach (var e in palette.Where(e => e.Tag.Group == 0x0028 && e.Tag.Element is >= 0x1101 and <= 0x1103 or >= 0x1201 and <= 0x1203 or >= 0x1221 and <= 0x1223))
        {
            ds.Set(e);
        }

        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OB, Enumerable.Range(0, 64 * 64).Select(p => (byte)(p % 256)).ToArray());
        return ds;
    }

    private static DicomDataset Base(int rows, int columns, string photometric, int allocated, int stored, int signed)
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0008, 0x0016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.SetString(new DicomTag(0x0008, 0x0018), DicomVR.UI, "1.2.826.0.1.3680043.10.474.99." + Environment.TickCount64);
        ds.SetString(new DicomTag(0x0008, 0x0060), DicomVR.CS, "OT");
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), 1);
        ds.SetString(PhotometricTag, DicomVR.CS, photometric);
        ds.SetUInt16(new DicomTag(0x0028, 0x0010), (ushort)rows);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), (ushort)columns);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), (ushort)allocated);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), (ushort)stored);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), (ushort)(stored - 1));
        ds.SetUInt16(new DicomTag(0x0028, 0x0103), (ushort)signed);
        return ds;
    }
}
