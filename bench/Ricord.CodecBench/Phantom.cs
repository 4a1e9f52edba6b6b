using System.Buffers.Binary;
using Ricord.Dicom;

namespace Ricord.CodecBench;

/// <summary>A CT-like test image: 512x512, 12 bits stored in 16, a body ellipse with organs, bone and noise.</summary>
internal static class Phantom
{
    public const int Size = 512;

    public static DicomFile Create(int index)
    {
        var random = new Random(index);
        var pixels = new byte[Size * Size * 2];
        for (int y = 0; y < Size; y++)
        {
            for (int x = 0; x < Size; x++)
            {
                double dx = (x - 256) / 220.0, dy = (y - 256 - (index % 7)) / 170.0;
                double r2 = (dx * dx) + (dy * dy);
                int hu = r2 > 1 ? -1000 : r2 > 0.92 ? -100 : 40;
                if (Math.Abs(dx - 0.35) < 0.2 && Math.Abs(dy) < 0.3)
                {
                    hu = -850; // lung
                }

                if (((dx * dx) + ((dy + 0.6) * (dy + 0.6))) < 0.01)
                {
                    hu = 900; // spine
                }

                int value = Math.Clamp(hu + 1024 + (r2 > 1 ? random.Next(4) : random.Next(-12, 13)), 0, 4095);
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(((y * Size) + x) * 2), (ushort)value);
            }
        }

        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0008, 0x0016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.SetString(new DicomTag(0x0008, 0x0018), DicomVR.UI, DicomUidGenerator.NewUuidDerived());
        ds.SetString(new DicomTag(0x0008, 0x0060), DicomVR.CS, "CT");
        ds.SetString(new DicomTag(0x0010, 0x0010), DicomVR.PN, "Bench^Phantom");
        ds.SetString(new DicomTag(0x0010, 0x0020), DicomVR.LO, "BENCH");
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), 1);
        ds.SetString(new DicomTag(0x0028, 0x0004), DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(new DicomTag(0x0028, 0x0010), Size);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), Size);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), 16);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), 12);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), 11);
        ds.SetUInt16(new DicomTag(0x0028, 0x0103), 0);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1052), -1024);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1053), 1);
        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, pixels);
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }
}
