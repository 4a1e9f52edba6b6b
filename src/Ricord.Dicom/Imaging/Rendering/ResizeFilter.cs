namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>How pixels are combined when an image is shrunk.</summary>
public enum ResizeFilter
{
    /// <summary>Area average: each output pixel is the mean of the input area it covers (best for thumbnails).</summary>
    Box,

    /// <summary>Bilinear interpolation at each output pixel's centre.</summary>
    Bilinear,
}
