using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

public sealed class PixelDataInfoTests
{
    internal static DicomDataset Image(int rows = 4, int columns = 5, int bitsAllocated = 16, int samples = 1, int frames = 1)
    {
        var ds = new DicomDataset();
        ds.SetUInt16(new DicomTag(0x0028, 0x0002), (ushort)samples);
        ds.SetString(new DicomTag(0x0028, 0x0004), DicomVR.CS, samples == 3 ? "RGB" : "MONOCHROME2");
        if (frames != 1)
        {
            ds.SetIntegerString(new DicomTag(0x0028, 0x0008), frames);
        }

        ds.SetUInt16(new DicomTag(0x0028, 0x0010), (ushort)rows);
        ds.SetUInt16(new DicomTag(0x0028, 0x0011), (ushort)columns);
        ds.SetUInt16(new DicomTag(0x0028, 0x0100), (ushort)bitsAllocated);
        ds.SetUInt16(new DicomTag(0x0028, 0x0101), (ushort)bitsAllocated);
        ds.SetUInt16(new DicomTag(0x0028, 0x0102), (ushort)(bitsAllocated - 1));
        ds.SetUInt16(new DicomTag(0x0028, 0x0103), 0);
        return ds;
    }

    [Fact]
    public void Reads_the_image_pixel_module()
    {
        var info = PixelDataInfo.FromDataset(Image(rows: 3, columns: 7, bitsAllocated: 8, samples: 3, frames: 4));
        Assert.Equal((3, 7, 3, 8, 8, 7, 0, "RGB", 4), (info.Rows, info.Columns, info.SamplesPerPixel, info.BitsAllocated, info.BitsStored,
            info.HighBit, info.PlanarConfiguration, info.PhotometricInterpretation, info.NumberOfFrames));
        Assert.Equal(63, info.FrameSize);
    }

    [Fact]
    public void One_bit_frames_round_up_to_whole_bytes()
    {
        var info = PixelDataInfo.FromDataset(Image(rows: 3, columns: 3, bitsAllocated: 1));
        Assert.Equal(9, info.FrameBits);
        Assert.Equal(2, info.FrameSize);
    }

    [Theory]
    [InlineData(0x0010, "Rows")]
    [InlineData(0x0011, "Columns")]
    [InlineData(0x0100, "Bits Allocated")]
    public void Missing_required_attribute_is_named(ushort element, string name)
    {
        var ds = Image();
        ds.Remove(new DicomTag(0x0028, element));
        var ex = Assert.Throws<PixelDataException>(() => PixelDataInfo.FromDataset(ds));
        Assert.Equal(new DicomTag(0x0028, element), ex.Tag);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0100, 12, "Bits Allocated 12")]
    [InlineData(0x0101, 17, "Bits Stored 17")]
    [InlineData(0x0102, 16, "High Bit 16")]
    [InlineData(0x0103, 2, "Pixel Representation 2")]
    [InlineData(0x0002, 5, "Samples per Pixel 5")]
    [InlineData(0x0010, 0, "Rows")]
    public void Invalid_value_is_named(ushort element, int value, string message)
    {
        var ds = Image();
        ds.SetUInt16(new DicomTag(0x0028, element), (ushort)value);
        var ex = Assert.Throws<PixelDataException>(() => PixelDataInfo.FromDataset(ds));
        Assert.Equal(new DicomTag(0x0028, element), ex.Tag);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_of_frames_must_be_an_integer()
    {
        var ds = Image();
        ds.SetString(new DicomTag(0x0028, 0x0008), DicomVR.IS, "two");
        var ex = Assert.Throws<PixelDataException>(() => PixelDataInfo.FromDataset(ds));
        Assert.Equal(new DicomTag(0x0028, 0x0008), ex.Tag);
    }

    [Fact]
    public void Reads_real_files()
    {
        var info = PixelDataInfo.FromDataset(DicomFile.Open(PeerDecoded.TestFile("rtdose_rle.dcm")).Dataset);
        Assert.Equal((10, 10, 32, 15), (info.Rows, info.Columns, info.BitsAllocated, info.NumberOfFrames));
    }
}
