namespace Ricord.Annotation.Mdai;

/// <summary>
/// One MD.ai annotation with every field RICORD.md §6.4 lists. Study-scope annotations have no series or SOP UID
/// and null <see cref="Data"/>; timestamps stay the ISO-8601 strings of the file; <see cref="UpdateHistory"/> and
/// <see cref="Reviews"/> are kept as raw JSON text.
/// </summary>
public sealed record MdaiAnnotation(string Id, string LabelId, string StudyInstanceUid)
{
    public string? SeriesInstanceUid { get; init; }

    public string? SopInstanceUid { get; init; }

    public int? FrameNumber { get; init; }

    public MdaiData? Data { get; init; }

    public int? Height { get; init; }

    public int? Width { get; init; }

    public int? AnnotationNumber { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<string> RadlexTagIds { get; init; } = [];

    public string? CreatedAt { get; init; }

    public string? CreatedById { get; init; }

    public string? UpdatedAt { get; init; }

    public string? UpdatedById { get; init; }

    public string? UpdateHistory { get; init; }

    public string? Reviews { get; init; }

    public int? ReviewsPositiveCount { get; init; }

    public int? ReviewsNegativeCount { get; init; }

    public string? ParentId { get; init; }

    public bool? IsImported { get; init; }

    public bool? IsInterpolated { get; init; }

    public string? GroupId { get; init; }

    public string? MachineLearningModelId { get; init; }
}
