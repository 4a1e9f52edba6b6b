using Ricord.Dicom.Imaging;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>Transcoding round trips, checked by dcmtk (dcmdump reads our files cleanly, dcmdrle/dcmdjpeg decode them) and gdcm for JPEG 2000.</summary>
public sealed class DicomTranscoderTests
{
    private static readonly DicomTag Photometric = new(0x0028, 0x0004);
    private static readonly DicomTag Planar = new(0x0028, 0x0006);
    private static readonly DicomTag Lossy = new(0x0028, 0x2110);

    public static TheoryData<string, string, string> Lossless() => new()
    {
        { "MR_small.dcm", "1.2.840.10008.1.2.5", "dcmdrle" },
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.5", "dcmdrle" },
        { "rtdose.dcm", "1.2.840.10008.1.2.5", "dcmdrle" },      // 15 frames, 32-bit
        { "rtdose_expb.dcm", "1.2.840.10008.1.2.5", "dcmdrle" }, // big-endian source
        { "MR_small.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg" },
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg" },
        { "MR_small.dcm", "1.2.840.10008.1.2.4.90", "gdcmconv" },
        { "CT_small.dcm", "1.2.840.10008.1.2.4.90", "gdcmconv" },
        { "SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.90", "gdcmconv" },
    };

    /// <summary>
    /// native → target → native is the identity; the encoded file is read by dcmdump without a warning, and the
    /// peer decoder gives back the original pixels.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lossless))]
    public void Native_to_lossless_and_back_is_the_identity(string file, string uid, string peer)
    {
        var source = DicomFile.Open(PeerDecoded.TestFile(file));
        var original = NativeFrames(source);
        var encoded = DicomTranscoder.Transcode(source, DicomTransferSyntax.FromUid(uid));
        Assert.Equal(uid, encoded.TransferSyntax.Uid);
        var reread = DicomFile.Read(encoded.ToBytes());
        Assert.Equal(uid, reread.TransferSyntax.Uid);
        Assert.Equal(original, NativeFrames(DicomTranscoder.Transcode(reread, DicomTransferSyntax.ExplicitVRLittleEndian)));

        string dir = Directory.CreateTempSubdirectory("ricord-transcode-").FullName;
        try
        {
            string path = Path.Combine(dir, "encoded.dcm");
            encoded.Save(path);
            var (code, stdout, stderr) = PeerTool.Run("dcmdump", ["-q", path]);
            Assert.True(code == 0 && stderr.Length == 0 && !stdout.Contains("W: ", StringComparison.Ordinal), $"dcmdump: {stderr}");
            PeerDecoded.AssertSameFrames(original, PeerDecoded.ReferenceFramesOf(peer, path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Compressed → compressed, multi-frame: RLE decoded and re-encoded; the peer's decode equals dcmdrle's of the source.</summary>
    [Theory]
    [InlineData("SC_rgb_rle_2frame.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg")]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg")]
    [InlineData("SC_rgb_rle_2frame.dcm", "1.2.840.10008.1.2.4.90", "gdcmconv")]
    public void Rle_to_other_lossless_keeps_every_frame(string file, string uid, string peer)
    {
        var expected = PeerDecoded.ReferenceFrames("dcmdrle", file);
        var encoded = DicomTranscoder.Transcode(DicomFile.Open(PeerDecoded.TestFile(file)), DicomTransferSyntax.FromUid(uid));
        string dir = Directory.CreateTempSubdirectory("ricord-transcode-").FullName;
        try
        {
            string path = Path.Combine(dir, "encoded.dcm");
            encoded.Save(path);
            PeerDecoded.AssertSameFrames(expected, PeerDecoded.ReferenceFramesOf(peer, path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Jpeg2000_lossless_colour_uses_the_reversible_transform()
    {
        var encoded = DicomTranscoder.Transcode(DicomFile.Open(PeerDecoded.TestFile("SC_rgb_small_odd.dcm")), DicomTransferSyntax.Jpeg2000Lossless);
        Assert.Equal("YBR_RCT", encoded.Dataset.GetString(Photometric));
        var back = DicomTranscoder.Transcode(encoded, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("RGB", back.Dataset.GetString(Photometric));
    }

    [Theory]
    [InlineData("SC_rgb_jpeg_gdcm.dcm", "dcmdjpeg")]         // JPEG lossless
    [InlineData("MR_small_jpeg_ls_lossless.dcm", "dcmdjpls")] // JPEG-LS, decode only
    [InlineData("SC_rgb_rle_2frame.dcm", "dcmdrle")]
    [InlineData("MR_small_jp2klossless.dcm", "gdcmconv")]
    public void Compressed_to_native_matches_the_peer(string file, string peer)
    {
        var native = DicomTranscoder.Transcode(DicomFile.Open(PeerDecoded.TestFile(file)), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(PeerDecoded.ReferenceFrames(peer, file), NativeFrames(DicomFile.Read(native.ToBytes())));
    }

    /// <summary>Lossy JPEG in YBR_FULL_422 becomes RGB, colour-by-pixel, marked lossy; pixels as dcmdjpeg gives them.</summary>
    [Fact]
    public void Lossy_ybr_jpeg_to_native_is_rgb_and_marked_lossy()
    {
        const string file = "SC_rgb_dcmtk_+eb+cy+np.dcm";
        var native = DicomTranscoder.Transcode(DicomFile.Open(PeerDecoded.TestFile(file)), DicomTransferSyntax.ExplicitVRLittleEndian);
        var reread = DicomFile.Read(native.ToBytes());
        Assert.Equal("RGB", reread.Dataset.GetString(Photometric));
        Assert.Equal("01", reread.Dataset.GetString(Lossy));
        Assert.Equal((ushort)0, reread.Dataset.GetIntegers(Planar)[0]);
        Assert.Equal(PeerDecoded.ReferenceFrames("dcmdjpeg", file), NativeFrames(reread));
    }

    [Fact]
    public void Lossy_target_without_an_encoder_is_refused_by_name()
    {
        var e = Assert.Throws<PixelDataException>(() => DicomTranscoder.Transcode(DicomFile.Open(PeerDecoded.TestFile("MR_small.dcm")), DicomTransferSyntax.JpegBaseline));
        Assert.Contains("cannot encode JPEG Baseline", e.Message, StringComparison.Ordinal);
    }

    private static List<byte[]> NativeFrames(DicomFile file)
    {
        var info = PixelDataInfo.FromDataset(file.Dataset);
        return [.. Enumerable.Range(0, info.NumberOfFrames).Select(i => PeerDecoded.Interleave(DicomPixelData.GetFrame(file.Dataset, i, file.TransferSyntax).ToArray(), info))];
    }
}
