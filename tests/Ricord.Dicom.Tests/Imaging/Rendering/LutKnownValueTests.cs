using System.Buffers.Binary;
using Ricord.Dicom.Imaging;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>Pixel → modality → VOI values computed by hand from the equations of PS3.3 C.11.</summary>
public sealed class LutKnownValueTests
{
    [Theory]
    [InlineData(-161, 0)]
    [InlineData(-160, 0)] // x ≤ c − 0.5 − (w − 1)/2
    [InlineData(-159.5, 0.31954887218045)] // ((−159.5 − 39.5)/399 + 0.5)·255
    [InlineData(40, 127.81954887218)]
    [InlineData(239, 255)] // the top of the ramp
    [InlineData(239.01, 255)]
    public void LinearWindowEdges(double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(40, 400).Apply(x), 9);

    [Theory]
    [InlineData(-160, 0)]
    [InlineData(-159, 0.6375)]
    [InlineData(40, 127.5)]
    [InlineData(140, 191.25)]
    [InlineData(240, 255)]
    [InlineData(241, 255)]
    public void LinearExactWindow(double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(40, 400, VoiFunction.LinearExact).Apply(x), 9);

    [Fact]
    public void SigmoidWindow()
    {
        var w = new VoiWindow(40, 400, VoiFunction.Sigmoid);
        Assert.Equal(127.5, w.Apply(40), 9);
        Assert.Equal(255 / (1 + Math.Exp(-1)), w.Apply(140), 9);
        Assert.Equal(255 / (1 + Math.Exp(4)), w.Apply(-360), 9);
    }

    [Fact]
    public void WidthOneIsAThreshold()
    {
        var w = new VoiWindow(100, 1);
        Assert.Equal(0, w.Apply(99.5));
        Assert.Equal(255, w.Apply(99.6));
        Assert.Throws<PixelDataException>(() => new VoiWindow(100, 0.5).Validate());
    }

    [Fact]
    public void PresetsAreTheChestWindows()
    {
        Assert.Equal(new VoiWindow(-600, 1500), VoiWindow.For(WindowPreset.Lung));
        Assert.Equal(new VoiWindow(40, 400), VoiWindow.For(WindowPreset.Mediastinum));
    }

    [Theory]
    [InlineData(0xAFFB, 11, -5)] // 12 bits stored at bits 0..11, garbage 0xA above
    [InlineData(0x57FF, 11, 2047)]
    [InlineData(0x5800, 11, -2048)]
    [InlineData(0xFFB5, 15, -5)] // 12 bits stored at bits 4..15, garbage below
    public void SignedTwelveBitsInSixteenWithGarbage(int raw, int highBit, int expected)
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 1, BitsAllocated = 16, BitsStored = 12, HighBit = highBit, PixelRepresentation = 1 };
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)raw);
        Assert.Equal([expected], PixelReader.ReadSamples(bytes, info));
    }

    [Fact]
    public void UnsignedGarbageAboveHighBitIsMasked()
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 2, BitsAllocated = 16, BitsStored = 12, HighBit = 11 };
        Assert.Equal([0x0FFF, 0x0123], PixelReader.ReadSamples(new byte[] { 0xFF, 0xFF, 0x23, 0xF1 }, info));
    }

    [Fact]
    public void PlanarConfigurationOneIsInterleaved()
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 2, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "RGB", PlanarConfiguration = 1 };
        Assert.Equal([1, 3, 5, 2, 4, 6], PixelReader.ReadSamples(new byte[] { 1, 2, 3, 4, 5, 6 }, info));
    }

    [Fact]
    public void OneBitSamplesAreLeastSignificantBitFirst()
    {
        var info = new PixelDataInfo { Rows = 1, Columns = 10, BitsAllocated = 1, BitsStored = 1, HighBit = 0 };
        Assert.Equal([1, 0, 1, 1, 0, 0, 0, 0, 0, 1], PixelReader.ReadSamples(new byte[] { 0b0000_1101, 0b10 }, info));
    }

    [Fact]
    public void ModalityRescaleThenWindowThenMonochrome1Inversion()
    {
        var ds = Grey("MONOCHROME1", 1);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1052), -1024);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1053), 2);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1050), 40, -600);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1051), 400, 1500);
        var frame = PixelReader.ReadFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian);

        var first = GrayscaleTransform.Create(ds, frame);
        Assert.True(first.Invert);
        Assert.Equal(-1024 + (2 * 532), first.Modality.Apply(532));
        Assert.Equal((byte)(255 - 128), first.Apply(532)); // HU 40 → 127.82 → 128, inverted

        var second = GrayscaleTransform.Create(ds, frame, new RenderOptions { WindowIndex = 1 });
        Assert.Equal(new VoiWindow(-600, 1500), second.Window);

        ds.SetString(new DicomTag(0x2050, 0x0020), DicomVR.CS, "IDENTITY");
        Assert.False(GrayscaleTransform.Create(ds, frame).Invert);
    }

    [Fact]
    public void VoiLutFunctionIsReadFromTheDataSet()
    {
        var ds = Grey("MONOCHROME2", 1);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1050), 40);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1051), 400);
        ds.SetString(new DicomTag(0x0028, 0x1056), DicomVR.CS, "SIGMOID");
        var frame = PixelReader.ReadFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(VoiFunction.Sigmoid, GrayscaleTransform.Create(ds, frame).Window!.Function);
    }

    [Fact]
    public void ModalityLutSequenceReplacesRescale()
    {
        var ds = Grey("MONOCHROME2", 1);
        ds.SetDecimalStrings(new DicomTag(0x0028, 0x1053), 5);
        var item = new DicomDataset();
        item.SetUInt16(new DicomTag(0x0028, 0x3002), 4, 10, 16);
        item.SetUInt16(new DicomTag(0x0028, 0x3006), 100, 200, 300, 400);
        ds.SetSequence(new DicomTag(0x0028, 0x3000), item);
        var modality = ModalityTransform.FromDataset(ds, signedStored: false);
        Assert.Equal([100, 100, 200, 400, 400], new[] { 0, 10, 11, 13, 2000 }.Select(v => modality.Apply(v)));
    }

    [Fact]
    public void VoiLutSequenceScalesItsOutputTo8Bits()
    {
        var ds = Grey("MONOCHROME2", 1);
        var item = new DicomDataset();
        item.SetUInt16(new DicomTag(0x0028, 0x3002), 3, 0, 12);
        item.SetUInt16(new DicomTag(0x0028, 0x3006), 0, 2048, 4095);
        ds.SetSequence(new DicomTag(0x0028, 0x3010), item);
        var t = GrayscaleTransform.Create(ds, PixelReader.ReadFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Null(t.Window);
        Assert.Equal([0, 128, 255, 255], new[] { 0, 1, 2, 9 }.Select(v => (int)t.Apply(v)));
    }

    [Fact]
    public void DefaultWindowIsTheFrameMinMax()
    {
        var ds = Grey("MONOCHROME2", 4, [10, 22, 30, 110]);
        var frame = PixelReader.ReadFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian);
        var t = GrayscaleTransform.Create(ds, frame);
        Assert.Equal([0, 31, 51, 255], t.Render(frame).Select(b => (int)b));
    }

    [Fact]
    public void YbrFullToRgb()
    {
        var ds = new DicomDataset();
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), 3);
        ds.SetString(new DicomTag(0x0028, 0x0004), DicomVR.CS, "YBR_FULL");
        ds.SetUInt16(new DicomTag(0x0028, 0x0006), 0);
        ds.SetUInt16(new DicomTag(0x0028, 0x0010), 1);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), 2);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), 8);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), 8);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), 7);
        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OB, new byte[] { 128, 128, 128, 76, 85, 255 });
        var frame = PixelReader.ReadFrame(ds, 0, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(new byte[] { 128, 128, 128, 254, 0, 0 }, ColorTransform.ToRgb(frame, ds));
    }

    [Fact]
    public void SegmentedPaletteExpands()
    {
        var ds = new DicomDataset();
        for (int c = 0; c < 3; c++)
        {
            ds.SetUInt16(new DicomTag(0x0028, (ushort)(0x1101 + c)), 5, 0, 16);
            ds.SetUInt16(new DicomTag(0x0028, (ushort)(0x1221 + c)), 0, 1, 0, 1, 4, 65535);
        }

        var palette = PaletteColorLut.FromDataset(ds);
        var rgb = new byte[3];
        int[] expected = [0, 64, 128, 191, 255]; // 0, 16384, 32768, 49151, 65535: the high byte of each
        for (int i = 0; i < 5; i++)
        {
            palette.Map(i, rgb);
            Assert.Equal(expected[i], rgb[0]);
        }
    }

    /// <summary>A 1-row greyscale data set, 16-bit unsigned, 12 stored.</summary>
    internal static DicomDataset Grey(string photometric, int columns, ushort[]? values = null)
    {
        var ds = new DicomDataset();
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), 1);
        ds.SetString(new DicomTag(0x0028, 0x0004), DicomVR.CS, photometric);
        ds.SetUInt16(new DicomTag(0x0028, 0x0010), 1);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), (ushort)columns);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), 16);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), 12);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), 11);
        ds.SetUInt16(new DicomTag(0x0028, 0x0103), 0);
        var bytes = new byte[columns * 2];
        for (int i = 0; i < columns; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values?[i] ?? 532);
        }

        ds.SetBytes(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, bytes);
        return ds;
    }
}
