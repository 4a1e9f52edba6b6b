namespace Ricord.Dicom.Imaging;

/// <summary>
/// Pixel data that cannot be described, located or decoded: a missing or inconsistent image pixel
/// attribute (named with its tag), a frame that is not there, or a corrupt compressed stream.
/// </summary>
public sealed class PixelDataException : Exception
{
    public PixelDataException(string message, DicomTag? tag = null, Exception? inner = null)
        : base(tag is { } t ? $"{message} {t}" : message, inner)
    {
        Tag = tag;
    }

    public PixelDataException()
        : this("Invalid pixel data")
    {
    }

    public PixelDataException(string message)
        : this(message, null, null)
    {
    }

    public PixelDataException(string message, Exception inner)
        : this(message, null, inner)
    {
    }

    /// <summary>The attribute at fault, when one is.</summary>
    public DicomTag? Tag { get; }
}
