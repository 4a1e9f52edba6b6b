namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// How to render a frame. The VOI stage is chosen in this order: <see cref="Window"/>, <see cref="Preset"/>,
/// <see cref="MinMaxWindow"/>, the VOI LUT at <see cref="VoiLutIndex"/>, the data set's window at
/// <see cref="WindowIndex"/>, its first VOI LUT, and finally the frame's min/max.
/// </summary>
public sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    /// <summary>An explicit window in modality units.</summary>
    public VoiWindow? Window { get; init; }

    public WindowPreset? Preset { get; init; }

    /// <summary>Ignore stored windows and stretch the frame's modality min..max over 0..255.</summary>
    public bool MinMaxWindow { get; init; }

    /// <summary>Which of the data set's Window Center / Width pairs to use (0-based).</summary>
    public int WindowIndex { get; init; }

    /// <summary>Use this item of the VOI LUT Sequence (0-based) rather than the stored window.</summary>
    public int? VoiLutIndex { get; init; }

    /// <summary>The largest output width or height; the image is shrunk to fit, keeping its aspect ratio, never enlarged.</summary>
    public int? MaxSize { get; init; }

    public ResizeFilter Filter { get; init; } = ResizeFilter.Box;

    /// <summary>JPEG quality 1..100 (IJG scaling of the Annex K tables).</summary>
    public int JpegQuality { get; init; } = 90;
}
