namespace Ricord.Catalog;

/// <summary>QIDO-style study search. String filters use DICOM wildcards (* and ?).</summary>
public sealed record StudyQuery
{
    public string? Collection { get; init; }
    public string? SiteCode { get; init; }

    /// <summary>Exact or wildcard, case-sensitive as DICOM matching requires.</summary>
    public string? PatientId { get; init; }

    public DateOnly? StudyDateFrom { get; init; }
    public DateOnly? StudyDateTo { get; init; }

    /// <summary>Studies with at least one series of this modality.</summary>
    public string? Modality { get; init; }

    /// <summary>Exact or wildcard.</summary>
    public string? AccessionNumber { get; init; }

    /// <summary>Case-insensitive; without wildcards it matches anywhere in the description.</summary>
    public string? StudyDescription { get; init; }

    public IReadOnlyList<string>? StudyInstanceUids { get; init; }

    /// <summary>The <see cref="CatalogPage{T}.Next"/> token of the previous page.</summary>
    public string? After { get; init; }

    public int Limit { get; init; } = 100;
}
