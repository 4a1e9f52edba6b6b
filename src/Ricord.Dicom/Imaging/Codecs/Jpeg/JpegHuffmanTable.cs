namespace Ricord.Dicom.Imaging;

/// <summary>A JPEG Huffman table (ITU T.81 Annex C) with a 9-bit lookup for short codes and F.2.2.3 limits for long ones.</summary>
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 9;

    public JpegHuffmanTable(ReadOnlySpan<byte> bits, ReadOnlySpan<byte> values)
    {
        Bits = bits.ToArray();
        Values = values.ToArray();
        Lookup = new ushort[1 << LookupBits];
        MaxCode = new int[18];
        ValPtr = new int[17];
        MinCode = new int[17];
        Codes = new int[Values.Length];
        Sizes = new int[Values.Length];

        int code = 0, k = 0;
        for (int length = 1; length <= 16; length++)
        {
            ValPtr[length] = k;
            MinCode[length] = code;
            for (int i = 0; i < Bits[length - 1]; i++, k++, code++)
            {
                if (k >= Values.Length)
                {
                    throw new PixelDataException("JPEG Huffman table counts more codes than values");
                }

                Codes[k] = code;
                Sizes[k] = length;
                if (length <= LookupBits)
                {
                    int shift = LookupBits - length;
                    for (int fill = 0; fill < 1 << shift; fill++)
                    {
                        Lookup[(code << shift) | fill] = (ushort)((length << 8) | Values[k]);
                    }
                }
            }

            MaxCode[length] = Bits[length - 1] == 0 ? -1 : code - 1;
            if (code > 1 << length)
            {
                throw new PixelDataException("JPEG Huffman table is over-subscribed");
            }

            code <<= 1;
        }

        MaxCode[17] = int.MaxValue;
    }

    /// <summary>BITS: the number of codes of each length 1..16.</summary>
    public byte[] Bits { get; }

    /// <summary>HUFFVAL: symbols in order of increasing code length.</summary>
    public byte[] Values { get; }

    /// <summary>Indexed by the next 9 bits: (code length &lt;&lt; 8) | symbol, or 0 when the code is longer.</summary>
    public ushort[] Lookup { get; }

    public int[] MaxCode { get; }

    public int[] MinCode { get; }

    public int[] ValPtr { get; }

    /// <summary>Code and size of each entry of <see cref="Values"/> (for the encoder).</summary>
    public int[] Codes { get; }

    public int[] Sizes { get; }
}
