using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>
/// JPEG 2000 through OpenJPEG; the library must be installed (libopenjp2-7), these tests fail otherwise.
/// dcmtk 3.6.7 has no JPEG 2000 decoder, so gdcmconv --raw is the reference.
/// </summary>
public sealed class Jpeg2000CodecTests
{
    [Fact]
    public void OpenJpeg_is_installed() => Assert.True(Jpeg2000Codec.IsAvailable, "libopenjp2.so.7 is missing: apt-get install libopenjp2-7");

    [Theory]
    [InlineData("JPEG2000.dcm")]
    [InlineData("MR_small_jp2klossless.dcm")]
    [InlineData("693_J2KI.dcm")]
    [InlineData("GDCMJ2K_TextGBR.dcm")] // JP2 file, YBR_RCT: decodes to RGB
    [InlineData("SC_rgb_gdcm_KY.dcm")]
    public void Decode_matches_gdcmconv(string file)
    {
        var codec = PixelCodecs.Get(DicomFile.Open(PeerDecoded.TestFile(file)).TransferSyntax);
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("gdcmconv", file), PeerDecoded.OurFrames(codec, file));
    }

    /// <summary>
    /// JPEG2000.dcm with the bytes of a sequence delimiter (FFFEE0DD) written over the codestream's SIZ marker: a
    /// reader test. The fragment must be read whole (250 bytes, not cut at the delimiter's bytes); the codestream
    /// itself is then corrupt (a 4292730882-pixel-wide image), so decoding fails cleanly, as it does in gdcm.
    /// </summary>
    [Fact]
    public void Embedded_sequence_delimiter_is_read_whole_and_fails_to_decode_cleanly()
    {
        var dicom = DicomFile.Open(PeerDecoded.TestFile("JPEG2000-embedded-sequence-delimiter.dcm"));
        var frame = DicomPixelData.GetFrame(dicom.Dataset, 0, dicom.TransferSyntax);
        Assert.Equal(250, frame.Length);
        var e = Assert.Throws<PixelDataException>(() => PixelCodecs.Get(dicom.TransferSyntax).Decode(frame.Span, PixelDataInfo.FromDataset(dicom.Dataset)));
        Assert.Contains("OpenJPEG could not read the header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lossless_decode_equals_the_uncompressed_original()
    {
        var original = DicomFile.Open(PeerDecoded.TestFile("MR_small.dcm"));
        var expected = DicomPixelData.GetFrame(original.Dataset, 0, original.TransferSyntax).ToArray();
        var codec = PixelCodecs.Get(DicomTransferSyntax.Jpeg2000Lossless);
        PeerDecoded.AssertSameFrames([expected], PeerDecoded.OurFrames(codec, "MR_small_jp2klossless.dcm"));
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small.dcm")]
    [InlineData("SC_rgb_rle.dcm")] // gdcmconv --j2k crashes on SC_rgb_small_odd (3x3)
    [InlineData("SC_rgb_rle_2frame.dcm")]
    public void Decode_of_gdcmconv_j2k_output_matches_gdcmconv(string file)
    {
        string compressed = PeerDecoded.Convert("gdcmconv", PeerDecoded.TestFile(file), "--j2k");
        try
        {
            var codec = PixelCodecs.Get(DicomFile.Open(compressed).TransferSyntax);
            PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFramesOf("gdcmconv", compressed), PeerDecoded.OurFramesOf(codec, compressed));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(compressed)!, true);
        }
    }

    [Fact]
    public void Not_a_jpeg2000_stream_names_what_it_found()
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 1, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var e = Assert.Throws<PixelDataException>(() => new Jpeg2000Codec(DicomTransferSyntax.Jpeg2000).Decode([0xFF, 0xD8, 0xFF, 0xE0], info));
        Assert.Contains("FFD8FFE0", e.Message, StringComparison.Ordinal);
    }
}
