using System.Buffers.Binary;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;
using Ricord.Release;

namespace Ricord.Tests.Release;

/// <summary>Lossless re-compression of a released instance: written only when its frames decode to the original's bytes;
/// lossy sources and instances without pixels are kept as stored.</summary>
public sealed class DicomRecompressionTests
{
    [Theory]
    [InlineData("jpeg-ls", "1.2.840.10008.1.2.4.80", 12, 0)]
    [InlineData("jpeg-ls", "1.2.840.10008.1.2.4.80", 12, 1)]
    [InlineData("rle", "1.2.840.10008.1.2.5", 16, 0)]
    public void Recompressed_frames_decode_to_the_original_bytes(string recompress, string uid, int bitsStored, int signed)
    {
        var original = Image(2, bitsStored, signed == 1);
        var target = DicomRecompression.Target(recompress);
        var bytes = DicomRecompression.Recompress(original, target, out string? kept);
        Assert.Null(kept);
        Assert.NotNull(bytes);
        var file = DicomFile.Read(bytes);
        Assert.Equal(uid, file.TransferSyntax.Uid);
        var source = DicomFile.Read(original);
        var info = PixelDataInfo.FromDataset(file.Dataset);
        for (int f = 0; f < 2; f++)
        {
            Assert.Equal(DicomPixelData.GetFrame(source.Dataset, f, source.TransferSyntax).ToArray(),
                PixelCodecs.Get(target).Decode(DicomPixelData.GetFrame(file.Dataset, f, file.TransferSyntax).Span, info));
        }

        Assert.Equal(source.Dataset.GetString(DicomTags.SOPInstanceUID), file.Dataset.GetString(DicomTags.SOPInstanceUID));
    }

    [Fact]
    public void Lossy_sources_and_instances_without_pixels_are_kept()
    {
        var noPixels = new DicomDataset().SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.88.11")
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.1");
        Assert.Null(DicomRecompression.Recompress(new DicomFile(noPixels).ToBytes(), DicomTransferSyntax.RleLossless, out string? kept));
        Assert.Null(kept);

        var lossy = DicomFile.Read(Image(1, 8, false)).Dataset;
        lossy.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.From(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]));
        Assert.Null(DicomRecompression.Recompress(new DicomFile(lossy, DicomTransferSyntax.JpegBaseline).ToBytes(), DicomTransferSyntax.JpegLSLossless, out kept));
        Assert.Equal("lossy-compressed source", kept);
        Assert.Throws<ReleaseException>(() => DicomRecompression.Target("jpeg2000"));
    }

    /// <summary>A native 16-bit (or 8-bit) two-frame image with random stored values (signed ones sign-extended).</summary>
    private static byte[] Image(int frames, int bitsStored, bool signed)
    {
        int rows = 13, columns = 11, bits = bitsStored > 8 ? 16 : 8;
        var pixels = new byte[frames * rows * columns * (bits / 8)];
        var random = new Random(bitsStored + (signed ? 100 : 0));
        for (int i = 0; i < frames * rows * columns; i++)
        {
            int v = signed ? random.Next(-(1 << (bitsStored - 1)), 1 << (bitsStored - 1)) : random.Next(1 << bitsStored);
            if (bits == 8)
            {
                pixels[i] = (byte)v;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(2 * i), unchecked((ushort)v));
            }
        }

        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.12345")
            .SetUInt16(DicomTags.SamplesPerPixel, 1)
            .SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .SetIntegerString(DicomTags.NumberOfFrames, frames)
            .SetUInt16(DicomTags.Rows, (ushort)rows)
            .SetUInt16(DicomTags.Columns, (ushort)columns)
            .SetUInt16(DicomTags.BitsAllocated, (ushort)bits)
            .SetUInt16(DicomTags.BitsStored, (ushort)bitsStored)
            .SetUInt16(DicomTags.HighBit, (ushort)(bitsStored - 1))
            .SetUInt16(DicomTags.PixelRepresentation, (ushort)(signed ? 1 : 0))
            .SetBytes(DicomTags.PixelData, bits == 16 ? DicomVR.OW : DicomVR.OB, pixels);
        return new DicomFile(ds).ToBytes();
    }
}
