namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// Renders a frame of a DICOM image as people see it: greyscale through Modality, VOI and Presentation LUTs, colour
/// through its photometric interpretation; then optionally shrunk and encoded as PNG or JPEG (thumbnails, DICOMweb
/// rendered resources).
/// </summary>
public static class DicomRenderer
{
    /// <summary>The 8-bit image of frame <paramref name="frame"/> (0-based).</summary>
    public static RenderedImage Render(DicomFile file, int frame = 0, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Render(file.Dataset, file.TransferSyntax, frame, options);
    }

    public static RenderedImage Render(DicomDataset dataset, DicomTransferSyntax transferSyntax, int frame = 0, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= RenderOptions.Default;
        var samples = PixelReader.ReadFrame(dataset, frame, transferSyntax);
        var image = ColorTransform.IsColor(samples.Info.PhotometricInterpretation)
            ? new RenderedImage(samples.Columns, samples.Rows, 3, ColorTransform.ToRgb(samples, dataset))
            : new RenderedImage(samples.Columns, samples.Rows, 1, GrayscaleTransform.Create(dataset, samples, options).Render(samples));
        return options.MaxSize is { } max ? image.Fit(max, options.Filter) : image;
    }

    public static byte[] RenderPng(DicomFile file, int frame = 0, RenderOptions? options = null) =>
        PngEncoder.Encode(Render(file, frame, options));

    public static byte[] RenderJpeg(DicomFile file, int frame = 0, RenderOptions? options = null) =>
        JpegEncoder.Encode(Render(file, frame, options), (options ?? RenderOptions.Default).JpegQuality);
}
