using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>Our encoders' output, wrapped in a Part 10 file, decoded by dcmtk back to the original pixels.</summary>
public sealed class EncoderPeerTests
{
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    [Theory]
    [InlineData("MR_small.dcm", "1.2.840.10008.1.2.5", "dcmdrle")]
    [InlineData("SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.5", "dcmdrle")]
    [InlineData("MR_small.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg")]
    [InlineData("CT_small.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg")]
    [InlineData("SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.4.70", "dcmdjpeg")]
    public void Peer_decodes_our_encoding_to_the_original(string file, string uid, string decoder)
    {
        var ts = DicomTransferSyntax.FromUid(uid);
        var source = DicomFile.Open(PeerDecoded.TestFile(file));
        var info = PixelDataInfo.FromDataset(source.Dataset);
        var original = DicomPixelData.GetFrame(source.Dataset, 0, source.TransferSyntax).ToArray();
        byte[] encoded = PixelCodecs.Get(ts).Encode(original, info);

        var dataset = source.Dataset.Clone();
        dataset.Set(new DicomFragmentSequence(PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.From(encoded)]));
        if (info.SamplesPerPixel > 1)
        {
            dataset.SetUInt16(new DicomTag(0x0028, 0x0006), 0);
        }

        string dir = Directory.CreateTempSubdirectory("ricord-encode-").FullName;
        try
        {
            string path = Path.Combine(dir, "encoded.dcm");
            new DicomFile(dataset, ts).Save(path);
            var reference = PeerDecoded.ReferenceFramesOf(decoder, path);
            PeerDecoded.AssertSameFrames([PeerDecoded.Interleave(original, info)], reference);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
