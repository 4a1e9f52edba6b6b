namespace Ricord.Dicom.Imaging.Rendering;

public static partial class JpegEncoder
{
    // T.81 Table K.1 and K.2, natural (row-major) order.
    private static readonly int[] LuminanceQuant =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly int[] ChrominanceQuant =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    /// <summary>Zig-zag index (A.3.6, Figure A.6) of each natural position.</summary>
    private static readonly int[] ZigZagOf = BuildZigZag();

    // IJG's quality scaling: 50 keeps Annex K, 100 gives all ones.
    private static int[] Scale(int[] table, int quality)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - (2 * quality);
        return [.. table.Select(q => Math.Clamp(((q * scale) + 50) / 100, 1, 255))];
    }

    private static int[] BuildZigZag()
    {
        var result = new int[64];
        int x = 0, y = 0;
        for (int i = 0; i < 64; i++)
        {
            result[(y * 8) + x] = i;
            if ((x + y) % 2 == 0)
            {
                // moving up and to the right
                if (x == 7)
                {
                    y++;
                }
                else if (y == 0)
                {
                    x++;
                }
                else
                {
                    x++;
                    y--;
                }
            }
            else if (y == 7)
            {
                x++;
            }
            else if (x == 0)
            {
                y++;
            }
            else
            {
                x--;
                y++;
            }
        }

        return result;
    }
}
