namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegDctDecoder
{
    private const int ConstBits = 13;
    private const int Fix0298631336 = 2446;
    private const int Fix0390180644 = 3196;
    private const int Fix0541196100 = 4433;
    private const int Fix0765366865 = 6270;
    private const int Fix0899976223 = 7373;
    private const int Fix1175875602 = 9633;
    private const int Fix1501321110 = 12299;
    private const int Fix1847759065 = 15137;
    private const int Fix1961570560 = 16069;
    private const int Fix2053119869 = 16819;
    private const int Fix2562915447 = 20995;
    private const int Fix3072711026 = 25172;

    private static readonly int[] RangeLimit8 = BuildRangeLimit(8);
    private static readonly int[] RangeLimit12 = BuildRangeLimit(12);

    /// <summary>
    /// The IJG "islow" integer inverse DCT (jidctint.c, Loeffler-Ligtenberg-Moschytz with 13-bit constants): columns
    /// into a work array scaled by 2^PASS1_BITS, then rows, descaled, level-shifted and range-limited.
    /// </summary>
    private static void InverseDct(Span<int> coef, int[] quant, Span<int> output, int stride, int precision)
    {
        int pass1Bits = precision == 8 ? 2 : 1;
        var range = precision == 8 ? RangeLimit8 : RangeLimit12;
        int mask = range.Length - 1;
        Span<int> ws = stackalloc int[64];
        for (int col = 0; col < 8; col++)
        {
            if (coef[8 + col] == 0 && coef[16 + col] == 0 && coef[24 + col] == 0 && coef[32 + col] == 0
                && coef[40 + col] == 0 && coef[48 + col] == 0 && coef[56 + col] == 0)
            {
                int dc = coef[col] * quant[col] << pass1Bits;
                for (int r = 0; r < 8; r++)
                {
                    ws[(r * 8) + col] = dc;
                }

                continue;
            }

            Butterfly(
                coef[col] * quant[col], coef[8 + col] * quant[8 + col], coef[16 + col] * quant[16 + col], coef[24 + col] * quant[24 + col],
                coef[32 + col] * quant[32 + col], coef[40 + col] * quant[40 + col], coef[48 + col] * quant[48 + col], coef[56 + col] * quant[56 + col],
                ws[col..], 8, ConstBits - pass1Bits, null, 0);
        }

        int shift = ConstBits + pass1Bits + 3;
        for (int row = 0; row < 8; row++)
        {
            var w = ws.Slice(row * 8, 8);
            var o = output.Slice(row * stride, 8);
            if (w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0 && w[6] == 0 && w[7] == 0)
            {
                int dc = range[Descale(w[0], pass1Bits + 3) & mask];
                o.Fill(dc);
                continue;
            }

            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], o, 1, shift, range, mask);
        }
    }

    /// <summary>One 8-point pass; with a range table the results are range-limited samples, else work values.</summary>
    private static void Butterfly(int in0, int in1, int in2, int in3, int in4, int in5, int in6, int in7,
        Span<int> output, int step, int shift, int[]? range, int mask)
    {
        // Even part.
        long z1 = (long)(in2 + in6) * Fix0541196100;
        long tmp2 = z1 + ((long)in6 * -Fix1847759065);
        long tmp3 = z1 + ((long)in2 * Fix0765366865);
        long tmp0 = (long)(in0 + in4) << ConstBits;
        long tmp1 = (long)(in0 - in4) << ConstBits;
        long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;

        // Odd part.
        tmp0 = in7;
        tmp1 = in5;
        tmp2 = in3;
        tmp3 = in1;
        z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2, z3 = tmp0 + tmp2, z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * Fix1175875602;
        tmp0 *= Fix0298631336;
        tmp1 *= Fix2053119869;
        tmp2 *= Fix3072711026;
        tmp3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 = (z3 * -Fix1961570560) + z5;
        z4 = (z4 * -Fix0390180644) + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        Put(output, 0, step, tmp10 + tmp3, shift, range, mask);
        Put(output, 7, step, tmp10 - tmp3, shift, range, mask);
        Put(output, 1, step, tmp11 + tmp2, shift, range, mask);
        Put(output, 6, step, tmp11 - tmp2, shift, range, mask);
        Put(output, 2, step, tmp12 + tmp1, shift, range, mask);
        Put(output, 5, step, tmp12 - tmp1, shift, range, mask);
        Put(output, 3, step, tmp13 + tmp0, shift, range, mask);
        Put(output, 4, step, tmp13 - tmp0, shift, range, mask);
    }

    private static void Put(Span<int> output, int index, int step, long value, int shift, int[]? range, int mask)
    {
        int v = (int)((value + (1L << (shift - 1))) >> shift);
        output[index * step] = range is null ? v : range[v & mask];
    }

    private static int Descale(int value, int shift) => (value + (1 << (shift - 1))) >> shift;

    /// <summary>
    /// jdmaster.c's post-IDCT table, indexed by the un-level-shifted value masked to 4 × 2^precision entries: values
    /// in ±2^precision/2 come out shifted and clamped; wild values wrap to 0 or the maximum as in libjpeg.
    /// </summary>
    private static int[] BuildRangeLimit(int precision)
    {
        int max = (1 << precision) - 1, center = 1 << (precision - 1), size = 4 * (max + 1);
        var table = new int[size];
        for (int i = 0; i < size; i++)
        {
            table[i] = i < center ? i + center
                : i < 2 * (max + 1) ? max
                : i < size - center ? 0
                : i - (size - center);
        }

        return table;
    }
}
