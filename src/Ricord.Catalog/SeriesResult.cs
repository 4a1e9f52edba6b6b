namespace Ricord.Catalog;

/// <summary>One series in a search result.</summary>
public sealed record SeriesResult(
    long Id,
    long StudyId,
    string SeriesInstanceUid,
    string Modality,
    int? SeriesNumber,
    string? SeriesDescription,
    string? BodyPartExamined,
    int NumberOfInstances,
    string? MetadataBlobKey);
