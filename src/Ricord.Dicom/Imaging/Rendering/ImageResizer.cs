namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>Resamples a <see cref="RenderedImage"/>: area average (box) or bilinear.</summary>
public static class ImageResizer
{
    public static RenderedImage Resize(RenderedImage image, int width, int height, ResizeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var result = new byte[width * height * image.Channels];
        if (filter == ResizeFilter.Box)
        {
            Box(image, width, height, result);
        }
        else
        {
            Bilinear(image, width, height, result);
        }

        return new RenderedImage(width, height, image.Channels, result);
    }

    // Each output pixel averages the input area it covers, partial pixels weighted by their covered fraction.
    private static void Box(RenderedImage src, int width, int height, byte[] dst)
    {
        double sx = (double)src.Width / width, sy = (double)src.Height / height;
        int ch = src.Channels;
        Span<double> sum = stackalloc double[3];
        for (int y = 0; y < height; y++)
        {
            double y0 = y * sy, y1 = (y + 1) * sy;
            for (int x = 0; x < width; x++)
            {
                double x0 = x * sx, x1 = (x + 1) * sx, area = 0;
                sum.Clear();
                for (int iy = (int)y0; iy < Math.Min(src.Height, (int)Math.Ceiling(y1)); iy++)
                {
                    double wy = Math.Min(y1, iy + 1) - Math.Max(y0, iy);
                    for (int ix = (int)x0; ix < Math.Min(src.Width, (int)Math.Ceiling(x1)); ix++)
                    {
                        double w = wy * (Math.Min(x1, ix + 1) - Math.Max(x0, ix));
                        int o = ((iy * src.Width) + ix) * ch;
                        for (int c = 0; c < ch; c++)
                        {
                            sum[c] += src.Pixels[o + c] * w;
                        }

                        area += w;
                    }
                }

                for (int c = 0; c < ch; c++)
                {
                    dst[(((y * width) + x) * ch) + c] = (byte)Math.Clamp((int)Math.Round(sum[c] / area), 0, 255);
                }
            }
        }
    }

    private static void Bilinear(RenderedImage src, int width, int height, byte[] dst)
    {
        double sx = (double)src.Width / width, sy = (double)src.Height / height;
        int ch = src.Channels;
        for (int y = 0; y < height; y++)
        {
            double fy = Math.Clamp(((y + 0.5) * sy) - 0.5, 0, src.Height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, src.Height - 1);
            double dy = fy - y0;
            for (int x = 0; x < width; x++)
            {
                double fx = Math.Clamp(((x + 0.5) * sx) - 0.5, 0, src.Width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, src.Width - 1);
                double dx = fx - x0;
                for (int c = 0; c < ch; c++)
                {
                    double top = (At(src, x0, y0, c) * (1 - dx)) + (At(src, x1, y0, c) * dx);
                    double bottom = (At(src, x0, y1, c) * (1 - dx)) + (At(src, x1, y1, c) * dx);
                    dst[(((y * width) + x) * ch) + c] = (byte)Math.Clamp((int)Math.Round((top * (1 - dy)) + (bottom * dy)), 0, 255);
                }
            }
        }
    }

    private static byte At(RenderedImage img, int x, int y, int c) => img.Pixels[(((y * img.Width) + x) * img.Channels) + c];
}
