using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>JPEG-LS through CharLS; the library must be installed (libcharls2), these tests fail otherwise.</summary>
public sealed class JpegLSCodecTests
{
    private static readonly JpegLSCodec Lossless = new(DicomTransferSyntax.JpegLSLossless);
    private static readonly JpegLSCodec NearLossless = new(DicomTransferSyntax.JpegLSNearLossless);

    [Fact]
    public void CharLS_is_installed() => Assert.True(JpegLSCodec.IsAvailable, "libcharls.so.2 is missing: apt-get install libcharls2");

    [Fact]
    public void Decode_matches_dcmdjpls() =>
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdjpls", "MR_small_jpeg_ls_lossless.dcm"),
            PeerDecoded.OurFrames(Lossless, "MR_small_jpeg_ls_lossless.dcm"));

    [Fact]
    public void Decode_equals_the_uncompressed_original()
    {
        var original = DicomFile.Open(PeerDecoded.TestFile("MR_small.dcm"));
        var expected = DicomPixelData.GetFrame(original.Dataset, 0, original.TransferSyntax).ToArray();
        PeerDecoded.AssertSameFrames([expected], PeerDecoded.OurFrames(Lossless, "MR_small_jpeg_ls_lossless.dcm"));
    }

    public static TheoryData<string, string, string[]> Encodings() => new()
    {
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.80", ["+el"] },
        { "CT_small.dcm", "1.2.840.10008.1.2.4.80", ["+el"] },
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.81", ["+en", "+md", "3"] }, // dcmcjpls refuses signed data near-lossless
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.80", ["+el", "+in"] },
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.80", ["+el", "+is"] },
    };

    /// <summary>dcmcjpls compresses; our decode must equal dcmdjpls's.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_of_dcmcjpls_output_matches_dcmdjpls(string file, string uid, string[] args)
    {
        string compressed = PeerDecoded.Convert("dcmcjpls", PeerDecoded.TestFile(file), args);
        try
        {
            var codec = uid == Lossless.TransferSyntax.Uid ? Lossless : NearLossless;
            PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFramesOf("dcmdjpls", compressed), PeerDecoded.OurFramesOf(codec, compressed));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(compressed)!, true);
        }
    }
}
