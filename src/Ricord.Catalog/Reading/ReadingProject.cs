namespace Ricord.Catalog;

/// <summary>A reading project: the studies of one collection (optionally only those with given modalities), read
/// against one schema version by <see cref="ReadersPerStudy"/> readers each, adjudicated when <see cref="Trigger"/> says so.</summary>
public sealed class ReadingProject
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long CollectionId { get; set; }
    public required string SchemaName { get; set; }
    public int SchemaVersion { get; set; }
    public int ReadersPerStudy { get; set; }
    public AdjudicationTrigger Trigger { get; set; }

    /// <summary>Modalities a study must have one series of, joined with '\' (as ModalitiesInStudy); null: every study.</summary>
    public string? Modalities { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
