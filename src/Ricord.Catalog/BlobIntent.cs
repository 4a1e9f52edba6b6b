namespace Ricord.Catalog;

/// <summary>A blob an ingest writer is about to store: recorded before the blob can have a name, deleted in the
/// transaction that indexes its instance (or after the blob of a refused instance was deleted). An intent left
/// behind names a blob that a crashed writer may have orphaned (docs/ingest.md, "What cleans up what").</summary>
public sealed class BlobIntent
{
    public long Id { get; set; }
    public required string BlobKey { get; set; }

    /// <summary>SHA-256 hex of the blob's bytes: the instances that would reference it have this content hash.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The writer: host, process id and the process's start time (a reused pid has another start time).</summary>
    public required string Host { get; set; }
    public int ProcessId { get; set; }
    public DateTime ProcessStartedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
