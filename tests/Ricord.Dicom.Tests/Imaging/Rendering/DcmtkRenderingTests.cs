using Ricord.Dicom.Imaging.Rendering;
using Ricord.Dicom.Tests.Corpus;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>
/// dcmtk's dcm2pnm as the golden renderer (it has no segmented palettes: those are checked against pydicom in PaletteTests). Rule: every 8-bit sample within ±1 of dcmtk's (the two round the VOI output
/// differently, and dcmtk scales 16-bit colour by 255/65535 where we keep the high byte).
/// </summary>
public sealed class DcmtkRenderingTests
{
    public const int Tolerance = 1;

    public static TheoryData<string, int, string, string[]> Cases() => new()
    {
        { "test_files/CT_small.dcm", 0, "minmax", ["+Wm"] },
        { "test_files/CT_small.dcm", 0, "lung", ["+Ww", "-600", "1500"] },
        { "test_files/CT_small.dcm", 0, "mediastinum", ["+Ww", "40", "400"] },
        { "test_files/CT_small.dcm", 0, "sigmoid", ["+Ww", "40", "400", "+Wfs"] },
        { "test_files/MR_small.dcm", 0, "window0", ["+Wi", "1"] },
        { "test_files/MR_small_RLE.dcm", 0, "window0", ["+Wi", "1"] },
        { "test_files/MR_small_bigendian.dcm", 0, "window0", ["+Wi", "1"] },
        { "test_files/MR_small_implicit.dcm", 0, "window0", ["+Wi", "1"] },
        { "test_files/MR_small_jpeg_ls_lossless.dcm", 0, "minmax", ["+Wm"] },
        { "test_files/rtdose.dcm", 0, "minmax", ["+Wm", "+F", "1"] },
        { "test_files/rtdose.dcm", 7, "minmax", ["+Wm", "+F", "8"] },
        { "test_files/rtdose_rle.dcm", 14, "minmax", ["+Wm", "+F", "15"] },
        { "test_files/SC_rgb_jpeg_dcmd.dcm", 0, "colour", [] },
        { "test_files/SC_rgb_small_odd.dcm", 0, "colour", [] },
        { "test_files/ExplVR_BigEnd.dcm", 0, "colour", [] },
        { "test_files/SC_rgb_rle.dcm", 0, "colour", [] },
        { "test_files/SC_rgb_rle_2frame.dcm", 1, "colour", ["+F", "2"] },
        { "test_files/SC_rgb_rle_16bit.dcm", 0, "colour", [] },
        { "test_files/SC_ybr_full_422_uncompressed.dcm", 0, "colour", [] },
        { "monochrome1", 0, "minmax", ["+Wm"] },
        { "signed12", 0, "window", ["+Ww", "100", "1000"] },
        { "palette:pet.dcm", 0, "colour", [] },
        { "palette:hotmetalblue.dcm", 0, "colour", [] },
        { "palette:pet20step.dcm", 0, "colour", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesDcm2pnm(string source, int frame, string mode, string[] dcmtkArgs)
    {
        string dir = Directory.CreateTempSubdirectory("ricord-render-").FullName;
        try
        {
            string input = Prepare(source, dir);
            string output = Path.Combine(dir, "dcmtk.pnm");
            // dcm2pnm has no JPEG-LS decoder; dcml2pnm is the same renderer with one.
            string tool = source.Contains("jpeg_ls", StringComparison.Ordinal) ? "dcml2pnm" : "dcm2pnm";
            var (code, stdout, stderr) = PeerTool.Run(tool, ["--write-raw-pnm", .. dcmtkArgs, input, output]);
            Assert.True(code == 0, $"{tool} failed: {stdout}{stderr}");
            var expected = Pnm.Read(output);

            var options = mode switch
            {
                "minmax" => new RenderOptions { MinMaxWindow = true },
                "lung" => new RenderOptions { Preset = WindowPreset.Lung },
                "mediastinum" => new RenderOptions { Preset = WindowPreset.Mediastinum },
                "sigmoid" => new RenderOptions { Window = new VoiWindow(40, 400, VoiFunction.Sigmoid) },
                "window" => new RenderOptions { Window = new VoiWindow(100, 1000) },
                _ => RenderOptions.Default,
            };
            var actual = DicomRenderer.Render(DicomFile.Open(input), frame, options);
            var (max, differing, mean) = Pnm.Compare(expected, actual);
            Assert.True(max <= Tolerance, $"{source} frame {frame}: max difference {max} (> {Tolerance}), {differing} samples differ, mean {mean:0.###}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The file to render: a pydicom file, or one made from it (MONOCHROME1, signed 12-bit with garbage, palette colour).</summary>
    private static string Prepare(string source, string dir)
    {
        if (source.StartsWith("test_files/", StringComparison.Ordinal))
        {
            return PydicomFiles.PathOf(source);
        }

        string path = Path.Combine(dir, "input.dcm");
        var dataset = source switch
        {
            "monochrome1" => SyntheticImages.Monochrome1FromCtSmall(),
            "signed12" => SyntheticImages.SignedTwelveBitWithGarbage(),
            _ => SyntheticImages.PaletteColor(PydicomFiles.PathOf(Path.Combine("palettes", source["palette:".Length..]))),
        };
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }
}
