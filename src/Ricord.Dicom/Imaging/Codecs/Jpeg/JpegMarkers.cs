using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

/// <summary>The marker layer both JPEG decoders share (ITU T.81 B.1): the start of image, the next marker code
/// past fill bytes, and a marker segment's body.</summary>
internal static class JpegMarkers
{
    /// <summary>Throws unless <paramref name="data"/> starts with SOI (FFD8); the first marker follows at byte 2.</summary>
    public static void ExpectStartOfImage(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new PixelDataException("JPEG frame does not start with an SOI marker (FFD8)");
        }
    }

    /// <summary>The next marker code at or after <paramref name="pos"/>, skipping fill and stuffed bytes, with
    /// <paramref name="pos"/> moved past it; -1 at the end of the data.</summary>
    public static int Next(ReadOnlySpan<byte> data, ref int pos)
    {
        while (pos + 1 < data.Length)
        {
            if (data[pos] == 0xFF && data[pos + 1] is not 0x00 and not 0xFF)
            {
                int marker = data[pos + 1];
                pos += 2;
                return marker;
            }

            pos++;
        }

        return -1;
    }

    /// <summary>The body of the marker segment at <paramref name="pos"/> (after its two length bytes), with
    /// <paramref name="pos"/> moved past the segment.</summary>
    public static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, scoped ref int pos)
    {
        if (pos + 2 > data.Length)
        {
            throw new PixelDataException($"JPEG marker segment at byte {pos} is truncated");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
        if (length < 2 || pos + length > data.Length)
        {
            throw new PixelDataException($"JPEG marker segment at byte {pos} claims {length} bytes; {data.Length - pos} remain");
        }

        var body = data.Slice(pos + 2, length - 2);
        pos += length;
        return body;
    }
}
