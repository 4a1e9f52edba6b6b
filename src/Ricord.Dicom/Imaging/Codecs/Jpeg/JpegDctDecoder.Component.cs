namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegDctDecoder
{
    /// <summary>The natural-order index of each zig-zag position (T.81 Figure A.6).</summary>
    private static readonly int[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ];

    /// <summary>One frame component: sampling factors, quantisation table and its decoded samples (padded to whole MCUs).</summary>
    internal sealed class Component(int id, int h, int v, int quantTable)
    {
        public int Id { get; } = id;

        public int H { get; } = h;

        public int V { get; } = v;

        public int QuantTable { get; } = quantTable;

        /// <summary>Samples per line in the plane (whole MCUs).</summary>
        public int Stride { get; private set; }

        /// <summary>The component's own size, ceil(image size × factor / max factor) (A.1.1).</summary>
        public int Width { get; private set; }

        public int Height { get; private set; }

        public int[] Plane { get; private set; } = [];

        public int DcPredictor { get; set; }

        public JpegHuffmanTable? Dc { get; set; }

        public JpegHuffmanTable? Ac { get; set; }

        public void Allocate(int mcusX, int mcusY, int width, int height, int maxH, int maxV)
        {
            Stride = mcusX * H * 8;
            Plane = new int[Stride * mcusY * V * 8];
            Width = ((width * H) + maxH - 1) / maxH;
            Height = ((height * V) + maxV - 1) / maxV;
        }
    }

    /// <summary>Decoded component planes and what is needed to turn them into pixels.</summary>
    internal sealed record Decoded(Component[] Components, int Width, int Height, int Precision, int MaxH, int MaxV, bool GuessYCbCr);
}
