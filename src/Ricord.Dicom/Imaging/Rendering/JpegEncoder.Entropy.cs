using System.Numerics;

namespace Ricord.Dicom.Imaging.Rendering;

public static partial class JpegEncoder
{
    /// <summary>[table][symbol] codes and sizes: DC0, AC0 (luminance), DC1, AC1 (chrominance).</summary>
    private sealed record HuffmanSet(JpegHuffmanTable[] Tables, int[][] Codes, int[][] Sizes);

    private static int Category(int v) => v == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)Math.Abs(v));

    private static HuffmanSet BuildTables(short[][] blocks, int components)
    {
        var counts = new[] { new long[12], new long[256], new long[12], new long[256] };
        Walk(blocks, components, (table, symbol, _, _) => counts[table][symbol]++);
        var tables = new JpegHuffmanTable[4];
        var codes = new int[4][];
        var sizes = new int[4][];
        for (int t = 0; t < (components == 1 ? 2 : 4); t++)
        {
            tables[t] = JpegHuffmanBuilder.Build(counts[t]);
            codes[t] = new int[256];
            sizes[t] = new int[256];
            for (int k = 0; k < tables[t].Values.Length; k++)
            {
                codes[t][tables[t].Values[k]] = tables[t].Codes[k];
                sizes[t][tables[t].Values[k]] = tables[t].Sizes[k];
            }
        }

        return new HuffmanSet(tables, codes, sizes);
    }

    private static void WriteScan(JpegWriter writer, short[][] blocks, int components, HuffmanSet set) =>
        Walk(blocks, components, (table, symbol, extra, extraBits) =>
        {
            writer.WriteBits(set.Codes[table][symbol], set.Sizes[table][symbol]);
            if (extraBits > 0)
            {
                writer.WriteBits(extra, extraBits);
            }
        });

    /// <summary>Emits (table, symbol, extra bits, their count) for every block in scan order (F.1.2.1-2).</summary>
    private static void Walk(short[][] blocks, int components, Action<int, int, int, int> emit)
    {
        var previousDc = new int[components];
        for (int n = 0; n < blocks.Length; n++)
        {
            int c = n % components, dcTable = c == 0 ? 0 : 2, acTable = dcTable + 1;
            var b = blocks[n];
            int diff = b[0] - previousDc[c];
            previousDc[c] = b[0];
            int size = Category(diff);
            emit(dcTable, size, diff < 0 ? diff + (1 << size) - 1 : diff, size);

            int run = 0;
            for (int k = 1; k < 64; k++)
            {
                if (b[k] == 0)
                {
                    run++;
                    continue;
                }

                for (; run > 15; run -= 16)
                {
                    emit(acTable, 0xF0, 0, 0); // ZRL
                }

                int s = Category(b[k]);
                emit(acTable, (run << 4) | s, b[k] < 0 ? b[k] + (1 << s) - 1 : b[k], s);
                run = 0;
            }

            if (run > 0)
            {
                emit(acTable, 0x00, 0, 0); // EOB
            }
        }
    }

    private static void WriteHeaders(JpegWriter w, RenderedImage image, int components, int[][] quant, HuffmanSet set)
    {
        w.WriteMarker(0xD8); // SOI
        w.WriteMarker(0xE0); // APP0 JFIF 1.01, no density, no thumbnail
        w.WriteUInt16(16);
        foreach (byte b in "JFIF\0"u8)
        {
            w.WriteByte(b);
        }

        foreach (int b in new[] { 1, 1, 0, 0, 1, 0, 1, 0, 0 })
        {
            w.WriteByte(b);
        }

        int tablesUsed = components == 1 ? 1 : 2;
        w.WriteMarker(0xDB); // DQT, 8-bit entries in zig-zag order
        w.WriteUInt16(2 + (65 * tablesUsed));
        for (int t = 0; t < tablesUsed; t++)
        {
            w.WriteByte(t);
            var zz = new int[64];
            for (int i = 0; i < 64; i++)
            {
                zz[ZigZagOf[i]] = quant[t][i];
            }

            foreach (int q in zz)
            {
                w.WriteByte(q);
            }
        }

        w.WriteMarker(0xC0); // SOF0 baseline
        w.WriteUInt16(8 + (3 * components));
        w.WriteByte(8);
        w.WriteUInt16(image.Height);
        w.WriteUInt16(image.Width);
        w.WriteByte(components);
        for (int c = 0; c < components; c++)
        {
            w.WriteByte(c + 1);
            w.WriteByte(0x11);
            w.WriteByte(c == 0 ? 0 : 1);
        }

        w.WriteMarker(0xC4); // DHT
        int length = 2;
        for (int t = 0; t < tablesUsed * 2; t++)
        {
            length += 17 + set.Tables[t].Values.Length;
        }

        w.WriteUInt16(length);
        for (int t = 0; t < tablesUsed * 2; t++)
        {
            w.WriteByte(((t % 2) << 4) | (t / 2)); // class (0 DC, 1 AC) and id
            foreach (byte b in set.Tables[t].Bits)
            {
                w.WriteByte(b);
            }

            foreach (byte v in set.Tables[t].Values)
            {
                w.WriteByte(v);
            }
        }

        w.WriteMarker(0xDA); // SOS: all components, full spectral range
        w.WriteUInt16(6 + (2 * components));
        w.WriteByte(components);
        for (int c = 0; c < components; c++)
        {
            w.WriteByte(c + 1);
            w.WriteByte(c == 0 ? 0x00 : 0x11);
        }

        w.WriteByte(0);
        w.WriteByte(63);
        w.WriteByte(0);
    }
}
