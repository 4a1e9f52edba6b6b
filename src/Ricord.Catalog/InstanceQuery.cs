namespace Ricord.Catalog;

/// <summary>The instances of one study, optionally of one series, keyset-paged by id.</summary>
public sealed record InstanceQuery(long StudyId)
{
    public long? SeriesId { get; init; }
    public string? After { get; init; }
    public int Limit { get; init; } = 1000;
}
