namespace Ricord.Catalog;

/// <summary>A named set of studies released together, e.g. "RICORD-1A".</summary>
public sealed class Collection
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>SOP Class UIDs accepted on ingest; empty means any.</summary>
    public List<string> AllowedSopClasses { get; set; } = [];
}
