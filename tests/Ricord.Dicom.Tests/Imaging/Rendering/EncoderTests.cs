using System.Buffers.Binary;
using Ricord.Dicom.Imaging.Rendering;
using Ricord.Dicom.Tests.Corpus;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>Our PNG read back by an independent decoder (Python zlib, CRCs checked); our JPEG read by libjpeg-turbo's djpeg.</summary>
public sealed class EncoderTests
{
    private static readonly string Decoder = FindDecoder();

    public static TheoryData<string, int?> Files() => new()
    {
        { "test_files/CT_small.dcm", null },
        { "test_files/CT_small.dcm", 48 },
        { "test_files/SC_rgb_small_odd.dcm", null },
        { "test_files/SC_rgb_jpeg_dcmd.dcm", 33 },
        { "test_files/MR_small.dcm", 20 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void PngDecodesToTheRenderedPixels(string file, int? maxSize)
    {
        var dicom = DicomFile.Open(PydicomFiles.PathOf(file));
        var options = new RenderOptions { MaxSize = maxSize };
        var image = DicomRenderer.Render(dicom, 0, options);
        string dir = Directory.CreateTempSubdirectory("ricord-png-").FullName;
        try
        {
            string png = Path.Combine(dir, "out.png"), raw = Path.Combine(dir, "out.raw");
            File.WriteAllBytes(png, DicomRenderer.RenderPng(dicom, 0, options));
            var (code, stdout, stderr) = PeerTool.Run("/usr/bin/python3", [Decoder, png, raw]);
            Assert.True(code == 0, stdout + stderr);
            var bytes = File.ReadAllBytes(raw);
            Assert.Equal(image.Width, BinaryPrimitives.ReadInt32LittleEndian(bytes));
            Assert.Equal(image.Height, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
            Assert.Equal(image.Channels, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
            Assert.True(image.Pixels.AsSpan().SequenceEqual(bytes.AsSpan(12)), "decoded PNG pixels differ from the rendered image");
            if (maxSize is { } m)
            {
                Assert.Equal(m, Math.Max(image.Width, image.Height));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("test_files/CT_small.dcm", 90, 2.0)]
    [InlineData("test_files/CT_small.dcm", 50, 4.0)]
    [InlineData("test_files/SC_rgb_small_odd.dcm", 95, 3.0)]
    [InlineData("test_files/SC_rgb_jpeg_dcmd.dcm", 90, 3.0)]
    [InlineData("test_files/MR_small.dcm", 75, 4.0)]
    public void JpegDecodesWithDjpegCloseToTheRenderedPixels(string file, int quality, double maxMeanError)
    {
        var dicom = DicomFile.Open(PydicomFiles.PathOf(file));
        var options = new RenderOptions { JpegQuality = quality };
        var image = DicomRenderer.Render(dicom, 0, options);
        string dir = Directory.CreateTempSubdirectory("ricord-jpeg-").FullName;
        try
        {
            string jpeg = Path.Combine(dir, "out.jpg"), pnm = Path.Combine(dir, "out.pnm");
            File.WriteAllBytes(jpeg, DicomRenderer.RenderJpeg(dicom, 0, options));
            var (code, stdout, stderr) = PeerTool.Run("djpeg", ["-pnm", "-outfile", pnm, jpeg]);
            Assert.True(code == 0, $"djpeg failed (apt: libjpeg-turbo-progs): {stdout}{stderr}");
            var (_, _, mean) = Pnm.Compare(image, Pnm.Read(pnm));
            Assert.True(mean <= maxMeanError, $"mean absolute error {mean:0.###} > {maxMeanError}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FindDecoder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Ricord.Dicom.Tests", "Imaging", "Rendering", "png_decode.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("png_decode.py not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void PngCrcIsTheStandardOne()
    {
        // CRC-32 of "IEND" with no data is the well-known AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Update(Crc32.Initial, "IEND"u8) ^ 0xFFFFFFFF);
    }

    [Fact]
    public void FitKeepsAspectAndNeverEnlarges()
    {
        var image = new RenderedImage(4, 2, 1, [0, 0, 100, 100, 0, 0, 100, 100]);
        Assert.Same(image, image.Fit(10));
        var half = image.Fit(2);
        Assert.Equal((2, 1), (half.Width, half.Height));
        Assert.Equal([0, 100], half.Pixels);
        var bilinear = image.Fit(2, ResizeFilter.Bilinear);
        Assert.Equal([0, 100], bilinear.Pixels);
    }
}
