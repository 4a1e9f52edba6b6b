using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>
/// JPEG Baseline / Extended against dcmtk's dcmdjpeg. The decoder copies libjpeg's integer IDCT, upsampling and
/// colour conversion, so the tolerance is zero: every sample must equal dcmdjpeg's.
/// </summary>
public sealed class JpegBaselineCodecTests
{
    public static TheoryData<string> Files() =>
    [
        "JPEG-lossy.dcm", "JPGExtended.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_jpeg_lossy_gdcm.dcm", "SC_rgb_small_odd_jpeg.dcm",
        "SC_rgb_jpeg_app14_dcmd.dcm", "SC_jpeg_no_color_transform.dcm", "SC_jpeg_no_color_transform_2.dcm",
        "SC_rgb_dcmtk_+eb+cr.dcm", "SC_rgb_dcmtk_+eb+cy+n1.dcm", "SC_rgb_dcmtk_+eb+cy+n2.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm",
        "SC_rgb_dcmtk_+eb+cy+s2.dcm", "SC_rgb_dcmtk_+eb+cy+s4.dcm",
    ];

    /// <summary>dcmdjpeg's default (+cp): YCbCr → RGB exactly when the Photometric Interpretation is YBR_FULL(_422).</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Decode_matches_dcmdjpeg(string file)
    {
        var codec = PixelCodecs.Get(DicomFile.Open(PeerDecoded.TestFile(file)).TransferSyntax);
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdjpeg", file), PeerDecoded.OurFrames(codec, file));
    }

    /// <summary>With the markers deciding (JFIF, APP14 transform flag, component ids), as dcmdjpeg +cg.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Guessing_from_the_markers_matches_dcmdjpeg_conv_guess(string file)
    {
        var ts = DicomFile.Open(PeerDecoded.TestFile(file)).TransferSyntax;
        var codec = new JpegBaselineCodec(ts, JpegColorConversion.Guess);
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdjpeg", file, "+cg"), PeerDecoded.OurFrames(codec, file));
    }

    [Theory]
    [InlineData("SC_rgb_dcmtk_+eb+cy+n1.dcm")]
    [InlineData("SC_rgb_jpeg_dcmtk.dcm")]
    public void Never_converting_matches_dcmdjpeg_conv_never(string file)
    {
        var codec = new JpegBaselineCodec(DicomTransferSyntax.JpegBaseline, JpegColorConversion.Never);
        PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFrames("dcmdjpeg", file, "+cn"), PeerDecoded.OurFrames(codec, file));
    }

    public static TheoryData<string, string[]> Encodings() => new()
    {
        { "CT_small.dcm", ["+ee"] },                 // 12-bit extended (signed input shifted by dcmcjpeg)
        { "MR_small.dcm", ["+ee", "+q", "60"] },
        { "SC_rgb_small_odd.dcm", ["+eb"] },
        { "SC_rgb_rle_2frame.dcm", ["+eb"] },         // two frames
        { "SC_rgb_rle.dcm", ["+eb", "+s2"] },         // 4:2:2
        { "SC_rgb_rle.dcm", ["+eb", "+n1"] },         // non-interleaved 4:2:0
        { "SC_rgb_rle.dcm", ["+eb", "+cr"] },         // RGB coded, no colour transform
    };

    /// <summary>dcmcjpeg compresses; our decode must equal dcmdjpeg's.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_of_dcmcjpeg_output_matches_dcmdjpeg(string file, string[] args)
    {
        // dcmcjpeg only reads native data: RLE sources are decompressed with dcmdrle first.
        string? native = file.Contains("rle", StringComparison.Ordinal) ? PeerDecoded.Convert("dcmdrle", PeerDecoded.TestFile(file)) : null;
        string compressed = PeerDecoded.Convert("dcmcjpeg", native ?? PeerDecoded.TestFile(file), args);
        try
        {
            var codec = PixelCodecs.Get(DicomFile.Open(compressed).TransferSyntax);
            PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFramesOf("dcmdjpeg", compressed), PeerDecoded.OurFramesOf(codec, compressed));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(compressed)!, true);
            if (native is not null)
            {
                Directory.Delete(Path.GetDirectoryName(native)!, true);
            }
        }
    }

    /// <summary>
    /// Restart markers and odd sizes: libjpeg-turbo's cjpeg (libjpeg-turbo-progs) writes a JPEG with a restart
    /// interval, dcmtk's img2dcm wraps it in a Secondary Capture file without re-encoding.
    /// </summary>
    [Theory]
    [InlineData("2x2", "1")]
    [InlineData("2x1", "3")]
    [InlineData("1x1", "2B")]
    public void Restart_intervals_and_subsampling_match_dcmdjpeg(string sampling, string restart)
    {
        string dir = Directory.CreateTempSubdirectory("ricord-cjpeg-").FullName;
        try
        {
            string ppm = Path.Combine(dir, "in.ppm"), jpg = Path.Combine(dir, "in.jpg"), dcm = Path.Combine(dir, "in.dcm");
            File.WriteAllBytes(ppm, Ppm(67, 45));
            Run("cjpeg", "-quality", "85", "-sample", sampling, "-restart", restart, "-outfile", jpg, ppm);
            Run("img2dcm", jpg, dcm);
            var codec = PixelCodecs.Get(DicomTransferSyntax.JpegBaseline);
            PeerDecoded.AssertSameFrames(PeerDecoded.ReferenceFramesOf("dcmdjpeg", dcm), PeerDecoded.OurFramesOf(codec, dcm));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Run(string tool, params string[] args)
    {
        var (code, stdout, stderr) = Peers.PeerTool.Run(tool, args);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} failed: {stdout}{stderr}");
    }

    /// <summary>A binary PPM with smooth gradients and some noise, so every DCT coefficient band is used.</summary>
    private static byte[] Ppm(int width, int height)
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n");
        var pixels = new byte[width * height * 3];
        var random = new Random(11);
        for (int i = 0; i < width * height; i++)
        {
            int x = i % width, y = i / width;
            pixels[(3 * i) + 0] = (byte)((x * 255 / width) ^ random.Next(16));
            pixels[(3 * i) + 1] = (byte)((y * 255 / height) + random.Next(8));
            pixels[(3 * i) + 2] = (byte)(((x + y) * 2) ^ random.Next(64));
        }

        return [.. header, .. pixels];
    }

    [Fact]
    public void Progressive_jpeg_is_refused_by_name()
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 1, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        byte[] stream = [0xFF, 0xD8, 0xFF, 0xC2, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xFF, 0xD9];
        var e = Assert.Throws<PixelDataException>(() => new JpegBaselineCodec(DicomTransferSyntax.JpegExtended).Decode(stream, info));
        Assert.Contains("SOF2", e.Message, StringComparison.Ordinal);
    }
}
