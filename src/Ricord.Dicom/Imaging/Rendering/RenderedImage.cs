namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>An 8-bit image ready for display: 1 channel (grey) or 3 (RGB), rows top to bottom, pixels interleaved.</summary>
public sealed class RenderedImage
{
    public RenderedImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0 || channels is not (1 or 3) || pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}x{height} image with {channels} channel(s)", nameof(pixels));
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte[] Pixels { get; }

    /// <summary>A copy no larger than <paramref name="maxSize"/> on either side, keeping the aspect ratio; this image when it already fits.</summary>
    public RenderedImage Fit(int maxSize, ResizeFilter filter = ResizeFilter.Box)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        if (Width <= maxSize && Height <= maxSize)
        {
            return this;
        }

        double scale = (double)maxSize / Math.Max(Width, Height);
        int w = Math.Max(1, (int)Math.Round(Width * scale)), h = Math.Max(1, (int)Math.Round(Height * scale));
        return ImageResizer.Resize(this, w, h, filter);
    }
}
