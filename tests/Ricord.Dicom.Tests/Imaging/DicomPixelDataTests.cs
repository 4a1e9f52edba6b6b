using System.Buffers.Binary;
using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

public sealed class DicomPixelDataTests
{
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    private static readonly DicomTransferSyntax Rle = DicomTransferSyntax.RleLossless;

    [Fact]
    public void Native_frames_are_slices()
    {
        var ds = PixelDataInfoTests.Image(rows: 2, columns: 3, bitsAllocated: 8, frames: 3);
        ds.SetBytes(PixelData, DicomVR.OB, Enumerable.Range(0, 18).Select(i => (byte)i).ToArray());
        Assert.Equal([12, 13, 14, 15, 16, 17], DicomPixelData.GetFrame(ds, 2, DicomTransferSyntax.ExplicitVRLittleEndian).ToArray());
    }

    [Fact]
    public void One_bit_frames_that_start_mid_byte_are_realigned()
    {
        // 3x3 bits per frame: frame 1 is bits 9..17.
        var ds = PixelDataInfoTests.Image(rows: 3, columns: 3, bitsAllocated: 1, frames: 2);
        ds.SetBytes(PixelData, DicomVR.OB, new byte[] { 0x00, 0b1111_1110, 0b0000_0011, 0 });
        Assert.Equal([0xFF, 0x01], DicomPixelData.GetFrame(ds, 1, DicomTransferSyntax.ExplicitVRLittleEndian).ToArray());
        Assert.Equal([0x00, 0x00], DicomPixelData.GetFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian).ToArray());
    }

    [Fact]
    public void Too_short_native_data_is_reported()
    {
        var ds = PixelDataInfoTests.Image(rows: 2, columns: 2, bitsAllocated: 16);
        ds.SetBytes(PixelData, DicomVR.OW, new byte[6]);
        var ex = Assert.Throws<PixelDataException>(() => DicomPixelData.GetFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(PixelData, ex.Tag);
    }

    [Fact]
    public void Frame_out_of_range_is_reported()
    {
        var ds = PixelDataInfoTests.Image(frames: 2);
        Assert.Throws<PixelDataException>(() => DicomPixelData.GetFrame(ds, 2, Rle));
    }

    private static DicomDataset Encapsulated(int frames, byte[] offsetTable, params byte[][] fragments)
    {
        var ds = PixelDataInfoTests.Image(bitsAllocated: 8, frames: frames);
        ds.Set(new DicomFragmentSequence(PixelData, DicomVR.OB, DicomBuffer.From(offsetTable), fragments.Select(f => DicomBuffer.From(f))));
        return ds;
    }

    private static byte[] Table(params long[] values) =>
        [.. values.SelectMany(v => BitConverter.GetBytes((uint)v))];

    [Fact]
    public void Basic_offset_table_groups_fragments()
    {
        // Fragments of 2, 4 and 2 bytes; frame 0 = fragments 0+1 (offset 0), frame 1 = fragment 2 (offset 8+2+8+4 = 22).
        var ds = Encapsulated(2, Table(0, 22), [1, 2], [3, 4, 5, 6], [7, 8]);
        Assert.Equal([1, 2, 3, 4, 5, 6], DicomPixelData.GetFrame(ds, 0, Rle).ToArray());
        Assert.Equal([7, 8], DicomPixelData.GetFrame(ds, 1, Rle).ToArray());
    }

    [Fact]
    public void Extended_offset_table_wins_and_trims_to_length()
    {
        var ds = Encapsulated(2, Table(0, 0), [1, 2], [3, 4, 5, 6], [7, 8]);
        var offsets = new byte[16];
        var lengths = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(offsets.AsSpan(8), 10); // frame 1 starts at fragment 1
        BinaryPrimitives.WriteInt64LittleEndian(lengths, 2);
        BinaryPrimitives.WriteInt64LittleEndian(lengths.AsSpan(8), 5); // 4 + 1 byte of fragment 2
        ds.SetBytes(new DicomTag(0x7FE0, 0x0001), DicomVR.OV, offsets);
        ds.SetBytes(new DicomTag(0x7FE0, 0x0002), DicomVR.OV, lengths);
        Assert.Equal([1, 2], DicomPixelData.GetFrame(ds, 0, Rle).ToArray());
        Assert.Equal([3, 4, 5, 6, 7], DicomPixelData.GetFrame(ds, 1, Rle).ToArray());
    }

    [Fact]
    public void Single_frame_takes_all_fragments()
    {
        var ds = Encapsulated(1, [], [1, 2], [3, 4]);
        Assert.Equal([1, 2, 3, 4], DicomPixelData.GetFrame(ds, 0, Rle).ToArray());
    }

    [Fact]
    public void One_fragment_per_frame_without_table()
    {
        var ds = Encapsulated(2, [], [1, 2], [3, 4]);
        Assert.Equal([3, 4], DicomPixelData.GetFrame(ds, 1, Rle).ToArray());
    }

    [Fact]
    public void End_of_image_markers_split_frames_as_a_last_resort()
    {
        var ds = Encapsulated(2, [], [0xFF, 0xD8, 1, 2], [3, 0xFF, 0xD9, 0], [0xFF, 0xD8, 0xFF, 0xD9]);
        var jpeg = DicomTransferSyntax.JpegLosslessSV1;
        Assert.Equal([0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9, 0], DicomPixelData.GetFrame(ds, 0, jpeg).ToArray());
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], DicomPixelData.GetFrame(ds, 1, jpeg).ToArray());
    }

    [Fact]
    public void Unsplittable_fragments_are_reported()
    {
        var ds = Encapsulated(2, [], [1], [2], [3]);
        Assert.Throws<PixelDataException>(() => DicomPixelData.GetFrame(ds, 0, DicomTransferSyntax.JpegLosslessSV1));
    }

    [Fact]
    public void Real_multiframe_rle_with_offset_table()
    {
        var file = DicomFile.Open(PeerDecoded.TestFile("SC_rgb_rle_2frame.dcm"));
        var f0 = DicomPixelData.GetFrame(file.Dataset, 0, file.TransferSyntax);
        var f1 = DicomPixelData.GetFrame(file.Dataset, 1, file.TransferSyntax);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(f0.Span));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(f1.Span));
    }
}
