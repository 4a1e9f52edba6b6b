using Ricord.Annotation.Mdai;

namespace Ricord.Annotation.Import;

/// <summary>Options of <see cref="ReleaseImporter"/>.</summary>
public sealed class ReleaseImportOptions
{
    public static ReleaseImportOptions Default { get; } = new();

    /// <summary>Reader key, adjudication and excluded groups (image sizes are filled in from the headers).</summary>
    public MdaiConversionOptions Conversion { get; init; } = MdaiConversionOptions.Default;

    /// <summary>Rasterise every reader's drawings into per-series, per-label masks.</summary>
    public bool BuildMasks { get; init; } = true;

    /// <summary>Examples listed per kind of unknown UID.</summary>
    public int MaxExamples { get; init; } = 10;
}
