using System.Buffers.Binary;
using System.Text;

namespace Ricord.Dicom.Tests.Support;

/// <summary>Hand-encoded little endian elements, for reader tests that need bytes no writer of ours would produce.</summary>
public static class RawDicom
{
    /// <summary>An explicit VR little endian element.</summary>
    public static byte[] Explicit(uint tag, string vr, byte[] value)
    {
        bool longLength = vr is "OB" or "OW" or "OF" or "OD" or "OL" or "OV" or "SQ" or "UN" or "UT" or "UC" or "UR" or "SV" or "UV";
        var head = new byte[longLength ? 12 : 8];
        WriteTag(head, tag);
        head[4] = (byte)vr[0];
        head[5] = (byte)vr[1];
        if (longLength)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(8), (uint)value.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(6), (ushort)value.Length);
        }

        return [.. head, .. value];
    }

    /// <summary>An implicit VR little endian element (also an item: tag FFFEE000).</summary>
    public static byte[] Implicit(uint tag, byte[] value)
    {
        var head = new byte[8];
        WriteTag(head, tag);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(4), (uint)value.Length);
        return [.. head, .. value];
    }

    public static byte[] Item(params byte[][] elements) => Implicit(0xFFFEE000, [.. elements.SelectMany(e => e)]);

    public static byte[] Text(string s) => Encoding.ASCII.GetBytes(s.Length % 2 == 1 ? s + " " : s);

    public static byte[] Uid(string s) => Encoding.ASCII.GetBytes(s.Length % 2 == 1 ? s + "\0" : s);

    public static byte[] Int32(int v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, v);
        return b;
    }

    /// <summary>A Part 10 file: preamble, "DICM", a meta group naming <paramref name="transferSyntax"/>, then the data set.</summary>
    public static byte[] File(string transferSyntax, params byte[][] dataset)
    {
        byte[] body = [.. Explicit(0x00020001, "OB", [0, 1]), .. Explicit(0x00020002, "UI", Uid("1.2.3.4")),
            .. Explicit(0x00020003, "UI", Uid("1.2.3.4")), .. Explicit(0x00020010, "UI", Uid(transferSyntax))];
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)body.Length);
        return [.. new byte[128], .. "DICM"u8.ToArray(), .. Explicit(0x00020000, "UL", groupLength), .. body, .. dataset.SelectMany(e => e)];
    }

    private static void WriteTag(Span<byte> b, uint tag)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], (ushort)tag);
    }
}
