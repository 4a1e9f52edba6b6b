namespace Ricord.Annotation.Mdai;

/// <summary>
/// The result of converting an export to reads: reads per (study, reader), how labels matched, what was unknown,
/// and warnings (null drawings, shapes that cannot be represented, conflicting single-choice answers).
/// </summary>
public sealed record MdaiConversion(
    IReadOnlyList<MdaiRead> Reads,
    IReadOnlyList<MdaiLabelMatch> Labels,
    IReadOnlyList<MdaiUnknownLabel> UnknownLabels,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Annotations in <see cref="MdaiConversionOptions.ExcludedGroups"/>.</summary>
    public int ExcludedAnnotations { get; init; }

    /// <summary>Ids of the drawings skipped (null data or vertices, too little geometry, no image size); every one, uncapped.</summary>
    public IReadOnlyList<string> SkippedAnnotations { get; init; } = [];
}
