namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320 reflected), table driven.</summary>
internal static class Crc32
{
    public const uint Initial = 0xFFFFFFFF;

    private static readonly uint[] Table = Build();

    /// <summary>Feeds <paramref name="data"/> into a running CRC; start from <see cref="Initial"/>, finish by XOR with 0xFFFFFFFF.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
