namespace Ricord.Catalog;

/// <summary>An object held back on ingest. <see cref="Detail"/> must never contain PHI.</summary>
public sealed class QuarantineEntry
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public long? SiteId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public QuarantineReason Reason { get; set; }
    public required string Detail { get; set; }

    /// <summary>Key of the quarantined original in the (access-restricted) blob store.</summary>
    public string? BlobKey { get; set; }

    public string? ContentHash { get; set; }
}
