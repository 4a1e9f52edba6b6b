using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

public sealed class JpegLosslessCodecTests
{
    private static readonly JpegLosslessCodec SV1 = new(DicomTransferSyntax.JpegLosslessSV1);
    private static readonly JpegLosslessCodec Process14 = new(DicomTransferSyntax.JpegLosslessProcess14);

    [Fact]
    public void Decode_gdcm_rgb_file_matches_dcmdjpeg() =>
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdjpeg", "SC_rgb_jpeg_gdcm.dcm"), PeerDecoded.OurFrames(SV1, "SC_rgb_jpeg_gdcm.dcm"));

    public static TheoryData<string, string[]> Encodings() => new()
    {
        { "MR_small.dcm", ["+e1"] },
        { "CT_small.dcm", ["+e1"] },
        { "SC_rgb_small_odd.dcm", ["+e1"] },
        { "MR_small.dcm", ["+el", "+sv", "1"] },
        { "MR_small.dcm", ["+el", "+sv", "2"] },
        { "MR_small.dcm", ["+el", "+sv", "3"] },
        { "MR_small.dcm", ["+el", "+sv", "4"] },
        { "MR_small.dcm", ["+el", "+sv", "5"] },
        { "MR_small.dcm", ["+el", "+sv", "6"] },
        { "MR_small.dcm", ["+el", "+sv", "7"] },
        { "SC_rgb_small_odd.dcm", ["+el", "+sv", "7"] },
        { "CT_small.dcm", ["+el", "+sv", "4", "+pt", "3"] },
    };

    /// <summary>dcmcjpeg compresses a pydicom file; our decode must equal dcmdjpeg's.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_of_dcmcjpeg_output_matches_dcmdjpeg(string file, string[] args)
    {
        string compressed = PeerDecoded.Convert("dcmcjpeg", PeerDecoded.TestFile(file), args);
        try
        {
            var codec = args[0] == "+e1" ? SV1 : Process14;
            PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFramesOf("dcmdjpeg", compressed), PeerDecoded.OurFramesOf(codec, compressed));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(compressed)!, true);
        }
    }

    [Fact]
    public void Decode_rejects_baseline_with_a_clear_message()
    {
        var dicom = DicomFile.Open(PeerDecoded.TestFile("SC_rgb_jpeg.dcm"));
        var info = PixelDataInfo.FromDataset(dicom.Dataset);
        var ex = Assert.Throws<PixelDataException>(() => SV1.Decode(DicomPixelData.GetFrame(dicom.Dataset, 0, dicom.TransferSyntax).Span, info));
        Assert.Contains("SOF0", ex.Message, StringComparison.Ordinal);
    }
}
