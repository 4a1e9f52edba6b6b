using System.Buffers.Binary;

namespace Ricord.Dicom;

/// <summary>Tells, from a file's first bytes, whether it can be DICOM at all, and if not, why (empty, a JPEG, text, …).</summary>
public static class DicomSniffer
{
    /// <summary>How many leading bytes <see cref="WhyNotDicom"/> looks at (at most).</summary>
    public const int HeadLength = 512;

    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"), ("%PDF"u8.ToArray(), "a PDF document"),
        ("PK\u0003\u0004"u8.ToArray(), "a zip archive"), ([0x1F, 0x8B], "gzip-compressed data"), ("II*\0"u8.ToArray(), "a TIFF image"),
        ("MM\0*"u8.ToArray(), "a TIFF image"), ("GIF8"u8.ToArray(), "a GIF image"), ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "a program (ELF)"),
        ("\u0000\u0000\u0000\u000CjP  "u8.ToArray(), "a JPEG 2000 image"), ("BM"u8.ToArray(), "a BMP image"),
    ];

    /// <summary>
    /// Null when <paramref name="head"/> (the first up to <see cref="HeadLength"/> bytes of an input of
    /// <paramref name="length"/> bytes) may start DICOM: "DICM" at byte 128 or 0, or a first data element of group
    /// 0000–0030 in either byte order. Otherwise why not, naming what it looks like; never quoting the bytes.
    /// </summary>
    public static string? WhyNotDicom(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0)
        {
            return "the file is empty (0 bytes)";
        }

        if ((head.Length >= 132 && head.Slice(128, 4).SequenceEqual("DICM"u8)) || head.StartsWith("DICM"u8))
        {
            return null;
        }

        if (head.Length >= 8 && (PlausibleGroup(BinaryPrimitives.ReadUInt16LittleEndian(head)) || PlausibleGroup(BinaryPrimitives.ReadUInt16BigEndian(head))))
        {
            return null;
        }

        string looks = Kind(head) is { } kind ? $"it looks like {kind}" : "its first bytes are not a data element";
        return length < 8
            ? $"only {length} bytes, too short for a data element, and no \"DICM\" prefix"
            : $"no \"DICM\" at byte 128 and {looks} ({length} bytes)";
    }

    private static bool PlausibleGroup(ushort group) => group <= 0x0030 && (group & 1) == 0;

    private static string? Kind(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, kind) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return kind;
            }
        }

        foreach (byte b in head)
        {
            if (b < 0x09 || b is > 0x0D and < 0x20 || b == 0x7F)
            {
                return null;
            }
        }

        return "text (CSV, a report, a listing)";
    }
}
