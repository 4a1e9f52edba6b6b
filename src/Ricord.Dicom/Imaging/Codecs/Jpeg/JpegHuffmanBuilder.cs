namespace Ricord.Dicom.Imaging;

/// <summary>An optimal Huffman table for given symbol frequencies, code lengths limited to 16 bits (T.81 K.2).</summary>
internal static class JpegHuffmanBuilder
{
    public static JpegHuffmanTable Build(ReadOnlySpan<long> frequencies)
    {
        int n = frequencies.Length;
        var freq = new long[n + 1];
        frequencies.CopyTo(freq);
        freq[n] = 1; // reserved symbol so that no code is all ones (K.2)
        var codeSize = new int[n + 1];
        var others = new int[n + 1];
        Array.Fill(others, -1);

        while (true)
        {
            int v1 = -1, v2 = -1;
            for (int i = 0; i <= n; i++)
            {
                if (freq[i] > 0 && (v1 < 0 || freq[i] <= freq[v1]))
                {
                    v1 = i;
                }
            }

            for (int i = 0; i <= n; i++)
            {
                if (freq[i] > 0 && i != v1 && (v2 < 0 || freq[i] <= freq[v2]))
                {
                    v2 = i;
                }
            }

            if (v2 < 0)
            {
                break;
            }

            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0)
            {
                v1 = others[v1];
                codeSize[v1]++;
            }

            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0)
            {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }

        var bits = new int[64];
        for (int i = 0; i <= n; i++)
        {
            if (codeSize[i] > 0)
            {
                bits[codeSize[i]]++;
            }
        }

        // K.3 Adjust_BITS: no code longer than 16 bits.
        for (int i = 63; i > 16; i--)
        {
            while (bits[i] > 0)
            {
                int j = i - 2;
                while (bits[j] == 0)
                {
                    j--;
                }

                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }

        int last = 16;
        while (bits[last] == 0)
        {
            last--;
        }

        bits[last]--; // drop the reserved symbol's code

        // K.4: symbols sorted by code size, then by value.
        var values = new List<byte>();
        for (int size = 1; size < 64; size++)
        {
            for (int i = 0; i < n; i++)
            {
                if (codeSize[i] == size)
                {
                    values.Add((byte)i);
                }
            }
        }

        var counts = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            counts[i] = (byte)bits[i + 1];
        }

        return new JpegHuffmanTable(counts, values.ToArray());
    }
}
