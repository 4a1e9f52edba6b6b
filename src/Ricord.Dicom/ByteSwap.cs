using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ricord.Dicom;

/// <summary>Byte-order conversion of arrays of 2-, 4- and 8-byte values.</summary>
internal static class ByteSwap
{
    public static void InPlace(Span<byte> bytes, int unit)
    {
        switch (unit)
        {
            case 2:
                var u16 = MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                var u32 = MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                var u64 = MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }

    public static byte[] Copy(ReadOnlySpan<byte> bytes, int unit)
    {
        var copy = bytes.ToArray();
        InPlace(copy, unit);
        return copy;
    }
}
