namespace Ricord.Catalog;

/// <summary>One study in a search result, with its counts.</summary>
public sealed record StudyResult(
    long Id,
    string Collection,
    string SiteCode,
    string PatientId,
    string StudyInstanceUid,
    DateOnly? StudyDate,
    string? StudyTime,
    string? AccessionNumber,
    string? StudyDescription,
    string ModalitiesInStudy,
    int NumberOfSeries,
    int NumberOfInstances);
