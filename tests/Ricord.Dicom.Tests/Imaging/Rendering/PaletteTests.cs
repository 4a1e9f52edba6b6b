using System.Globalization;
using Ricord.Dicom.Imaging.Rendering;
using Ricord.Dicom.Tests.Corpus;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>Every pydicom palette (plain and segmented) against pydicom's own apply_color_lut: exact.</summary>
public sealed class PaletteTests
{
    public static TheoryData<string> Palettes() =>
        [.. Directory.EnumerateFiles(Path.Combine(PydicomFiles.Root, "palettes"), "*.dcm").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Palettes))]
    public void MatchesPydicom(string name)
    {
        string path = Path.Combine(PydicomFiles.Root, "palettes", name);
        string script =
            "import sys, numpy as np, pydicom\n" +
            "from pydicom.pixel_data_handlers.util import apply_color_lut\n" +
            "ds = pydicom.dcmread(sys.argv[1])\n" +
            "print(' '.join(str(int(v)) for v in apply_color_lut(np.arange(256, dtype=np.uint8), ds).ravel()))\n";
        var (code, stdout, stderr) = PeerTool.Run("/usr/bin/python3", ["-c", script, path]);
        Assert.True(code == 0, "pydicom (/usr/bin/python3) failed: " + stderr);
        int[] expected = [.. stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

        var palette = PaletteColorLut.FromDataset(DicomFile.Open(path).Dataset);
        var actual = new int[256 * 3];
        var rgb = new byte[3];
        for (int i = 0; i < 256; i++)
        {
            palette.Map(i, rgb);
            (actual[i * 3], actual[(i * 3) + 1], actual[(i * 3) + 2]) = (rgb[0], rgb[1], rgb[2]);
        }

        Assert.Equal(expected, actual);
    }
}
