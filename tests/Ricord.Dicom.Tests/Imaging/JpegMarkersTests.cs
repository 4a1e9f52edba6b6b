using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>The marker layer both JPEG decoders share.</summary>
public sealed class JpegMarkersTests
{
    [Fact]
    public void Markers_are_found_past_fill_and_stuffed_bytes_and_segments_return_their_bodies()
    {
        // SOI, fill bytes, stuffed FF00, DRI (FFDD, length 4, interval 0x0010), COM (FFFE, length 3, 'x'), EOI.
        byte[] data = [0xFF, 0xD8, 0xFF, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0xDD, 0x00, 0x04, 0x00, 0x10, 0xFF, 0xFE, 0x00, 0x03, (byte)'x', 0xFF, 0xD9];
        JpegMarkers.ExpectStartOfImage(data);
        int pos = 2;
        Assert.Equal(0xDD, JpegMarkers.Next(data, ref pos));
        Assert.Equal([0x00, 0x10], JpegMarkers.Segment(data, ref pos).ToArray());
        Assert.Equal(0xFE, JpegMarkers.Next(data, ref pos));
        Assert.Equal([(byte)'x'], JpegMarkers.Segment(data, ref pos).ToArray());
        Assert.Equal(0xD9, JpegMarkers.Next(data, ref pos));
        Assert.Equal(-1, JpegMarkers.Next(data, ref pos));
    }

    [Fact]
    public void A_missing_start_of_image_or_an_overlong_segment_is_an_error_naming_the_byte()
    {
        Assert.Throws<PixelDataException>(() => JpegMarkers.ExpectStartOfImage([0xFF, 0xD9, 0x00, 0x00]));
        byte[] data = [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x09, 0x41];
        int pos = 4;
        var e = Assert.Throws<PixelDataException>(() => JpegMarkers.Segment(data, ref pos));
        Assert.Contains("at byte 4 claims 9 bytes; 3 remain", e.Message, StringComparison.Ordinal);
    }
}
