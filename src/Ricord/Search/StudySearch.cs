namespace Ricord.Search;

/// <summary>What <c>ricord query</c> (and the server's QIDO-style search) asks for: every filter optional;
/// <see cref="Dates"/> a DICOM or ISO 8601 date or range (<see cref="StudyDates"/>); <see cref="After"/> the cursor a
/// previous page returned.</summary>
public sealed record StudySearch
{
    public string? Collection { get; init; }

    public string? SiteCode { get; init; }

    public string? PatientId { get; init; }

    public string? Dates { get; init; }

    public string? Modality { get; init; }

    public string? AccessionNumber { get; init; }

    public string? StudyDescription { get; init; }

    public int Limit { get; init; } = 100;

    public string? After { get; init; }
}
