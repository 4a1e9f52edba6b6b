namespace Ricord.Catalog;

/// <summary>The series of one study (by catalog id), keyset-paged by id.</summary>
public sealed record SeriesQuery(long StudyId)
{
    public string? Modality { get; init; }
    public string? After { get; init; }
    public int Limit { get; init; } = 500;
}
