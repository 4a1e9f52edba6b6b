using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

public sealed class RleCodecTests
{
    [Theory]
    [InlineData("MR_small_RLE.dcm")]
    [InlineData("SC_rgb_rle.dcm")]
    [InlineData("SC_rgb_rle_2frame.dcm")]
    [InlineData("SC_rgb_rle_16bit.dcm")]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm")]
    [InlineData("SC_rgb_rle_32bit.dcm")]
    [InlineData("SC_rgb_rle_32bit_2frame.dcm")]
    [InlineData("rtdose_rle.dcm")]
    [InlineData("rtdose_rle_1frame.dcm")]
    public void Decode_matches_dcmdrle(string file) =>
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdrle", file), PeerDecoded.OurFrames(new RleCodec(), file));

    [Theory]
    [InlineData("MR_small_RLE.dcm")]
    [InlineData("SC_rgb_rle_2frame.dcm")]
    [InlineData("rtdose_rle.dcm")]
    // Not the 16/32-bit RGB files: gdcmconv 3.0 fails to write the multi-frame ones and mixes up the segments of
    // SC_rgb_rle_16bit.dcm (its first pixel comes out 0000/00FF/FF00 where dcmtk and pydicom give red, FFFF/0000/0000).
    public void Decode_matches_gdcmconv(string file) =>
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("gdcmconv", file), PeerDecoded.OurFrames(new RleCodec(), file));

    [Fact]
    public void Decode_of_truncated_segment_names_the_segment()
    {
        var info = new PixelDataInfo { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[66];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0xFF; // repeat next byte twice: 2 of the 4 bytes needed
        frame[65] = 7;
        var ex = Assert.Throws<PixelDataException>(() => new RleCodec().Decode(frame, info));
        Assert.Contains("segment 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_writes_rows_separately_and_even_segments()
    {
        var info = new PixelDataInfo { Rows = 2, Columns = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        byte[] encoded = new RleCodec().Encode([5, 5, 5, 5, 5, 5], info);
        // Two rows, each a replicate run of 3 (0xFE, 5), no run across the row boundary.
        Assert.Equal([0xFE, 5, 0xFE, 5], encoded[64..]);
    }
}
