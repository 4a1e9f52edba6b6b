using Ricord.Dicom.Imaging;
using Ricord.Dicom.Tests.Corpus;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>Reference pixels from a peer decompressor (dcmtk, gdcm) next to Ricord's own decode of the same file.</summary>
public static class PeerDecoded
{
    /// <summary>Runs <paramref name="tool"/> (e.g. dcmdrle) on the pydicom test file and returns each native frame, interleaved.</summary>
    public static List<byte[]> ReferenceFrames(string tool, string file, params string[] extraArgs) =>
        ReferenceFramesOf(tool, TestFile(file), extraArgs);

    public static string TestFile(string file) => PydicomFiles.PathOf(Path.Combine("test_files", file));

    /// <summary>Runs <paramref name="tool"/> on any file and returns each native frame, interleaved.</summary>
    public static List<byte[]> ReferenceFramesOf(string tool, string input, params string[] extraArgs)
    {
        string file = Path.GetFileName(input);
        string output = Path.Combine(Path.GetTempPath(), $"ricord-{tool}-{Guid.NewGuid():N}.dcm");
        try
        {
            string[] args = tool == "gdcmconv" ? ["--raw", .. extraArgs, input, output] : [.. extraArgs, input, output];
            var (code, stdout, stderr) = PeerTool.Run(tool, args);
            Assert.True(code == 0, $"{tool} failed on {file}: {stdout}{stderr}");
            var decoded = DicomFile.Open(output);
            var info = PixelDataInfo.FromDataset(decoded.Dataset);
            return [.. Enumerable.Range(0, info.NumberOfFrames)
                .Select(i => Interleave(DicomPixelData.GetFrame(decoded.Dataset, i, decoded.TransferSyntax).ToArray(), info))];
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Ricord's decode of every frame of the pydicom test file with <paramref name="codec"/>.</summary>
    public static List<byte[]> OurFrames(IPixelCodec codec, string file) => OurFramesOf(codec, TestFile(file));

    public static List<byte[]> OurFramesOf(IPixelCodec codec, string path)
    {
        var dicom = DicomFile.Open(path);
        Assert.Equal(codec.TransferSyntax, dicom.TransferSyntax);
        var info = PixelDataInfo.FromDataset(dicom.Dataset);
        return [.. Enumerable.Range(0, info.NumberOfFrames)
            .Select(i => codec.Decode(DicomPixelData.GetFrame(dicom.Dataset, i, dicom.TransferSyntax).Span, info))];
    }

    /// <summary>Runs a peer tool that writes a file (e.g. dcmcjpeg in out) and returns the output's path, in a fresh temp folder.</summary>
    public static string Convert(string tool, string input, params string[] args)
    {
        string dir = Directory.CreateTempSubdirectory("ricord-imaging-").FullName;
        string output = Path.Combine(dir, "converted.dcm");
        var (code, stdout, stderr) = PeerTool.Run(tool, [.. args, input, output]);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} failed on {input}: {stdout}{stderr}");
        return output;
    }

    public static byte[] Interleave(byte[] frame, PixelDataInfo info)
    {
        if (info.PlanarConfiguration == 0 || info.SamplesPerPixel == 1)
        {
            return frame;
        }

        int pixels = info.Rows * info.Columns, bps = info.BytesPerSample, spp = info.SamplesPerPixel;
        var result = new byte[frame.Length];
        for (int s = 0; s < spp; s++)
        {
            for (int p = 0; p < pixels; p++)
            {
                frame.AsSpan(((s * pixels) + p) * bps, bps).CopyTo(result.AsSpan(((p * spp) + s) * bps));
            }
        }

        return result;
    }

    public static void AssertSameFrames(List<byte[]> expected, List<byte[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int f = 0; f < expected.Count; f++)
        {
            Assert.Equal(expected[f].Length, actual[f].Length);
            int diff = expected[f].AsSpan().CommonPrefixLength(actual[f]);
            Assert.True(diff == expected[f].Length, $"frame {f}: first difference at byte {diff} of {expected[f].Length}");
        }
    }
}
