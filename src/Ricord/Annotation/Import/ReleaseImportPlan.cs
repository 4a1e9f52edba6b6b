using Ricord.Annotation.Mdai;

namespace Ricord.Annotation.Import;

/// <summary>
/// What importing a published release would do, with nothing written: the reads per (study, reader), every INSTANCE
/// annotation's slice, the ordered series it needs, what did not match the images, and masks for verification.
/// </summary>
public sealed record ReleaseImportPlan(
    MdaiConversion Conversion,
    IReadOnlyList<SeriesOrder> Series,
    IReadOnlyList<AnnotationPlacement> Placements,
    IReadOnlyList<MisplacedAnnotation> Misplaced,
    UnknownUids UnknownStudies,
    UnknownUids UnknownSeries,
    UnknownUids UnknownInstances,
    IReadOnlyList<SeriesLabelMask> Masks)
{
    /// <summary>Studies listed in the export's datasets (or annotated) that have images.</summary>
    public int StudiesWithImages { get; init; }

    /// <summary>MD.ai ids of the annotations left out because their SOPInstanceUID is not in the images (each alone: the
    /// rest of its read is kept).</summary>
    public IReadOnlyList<string> SkippedAnnotations { get; init; } = [];

    /// <summary>Image studies no annotation or dataset study refers to.</summary>
    public int StudiesWithoutAnnotations { get; init; }

    public IReadOnlyList<MdaiRead> Reads => Conversion.Reads;

    /// <summary>True when every referenced study, series and instance was found and every drawing has a slice.</summary>
    public bool Complete => UnknownStudies.Distinct == 0 && UnknownSeries.Distinct == 0 && UnknownInstances.Distinct == 0 && Misplaced.Count == 0;
}
