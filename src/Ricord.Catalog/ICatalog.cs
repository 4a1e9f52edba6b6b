namespace Ricord.Catalog;

/// <summary>The catalog as ingest and the query services use it. Safe to call concurrently.</summary>
public interface ICatalog
{
    /// <summary>Applies pending EF Core migrations of the configured provider.</summary>
    Task MigrateAsync(CancellationToken ct);

    Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct);

    Task<long> EnsureSiteAsync(string code, string name, CancellationToken ct);

    /// <summary>Indexes one instance in one transaction (patient, study and series upserted by UID, counters
    /// updated). A SOPInstanceUID already in the collection gives AlreadyPresent or Conflict, never an exception.</summary>
    Task<InstanceInsertResult> AddInstanceAsync(InstanceRecord record, CancellationToken ct);

    /// <summary>Indexes several instances in one transaction (one commit, so one WAL fsync on SQLite). Each record
    /// gets, in order, the outcome it would get from <see cref="AddInstanceAsync"/> alone: a refused record (
    /// AlreadyPresent, Conflict) writes nothing and does not stop the others. Either all inserts are committed or,
    /// if this throws, none. With <paramref name="intentsOf"/>, the same transaction deletes that writer's blob
    /// intents of the records inserted or already present (their blobs are referenced now).</summary>
    Task<IReadOnlyList<InstanceInsertResult>> AddInstancesAsync(IReadOnlyList<InstanceRecord> records, BlobWriter? intentsOf, CancellationToken ct);

    /// <summary>Records, in one transaction, that <paramref name="writer"/> is about to store the blobs of these
    /// records (key and content hash), before any of them can have a name in the store.</summary>
    Task AddBlobIntentsAsync(BlobWriter writer, IReadOnlyList<InstanceRecord> records, CancellationToken ct);

    /// <summary>Gives up <paramref name="writer"/>'s intent of a blob it will not index (a refused instance's): calls
    /// <paramref name="deleteBlob"/> when no instance has that content and no other writer's intent names the key,
    /// under the same exclusion as the sweep (<see cref="SweepBlobIntentsAsync"/>), then deletes the intent.</summary>
    Task DiscardBlobIntentAsync(BlobWriter writer, string blobKey, string contentHash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct);

    /// <summary>For each intent whose writer cannot be running any more (<see cref="BlobWriter.MayBeRunning"/>):
    /// calls <paramref name="deleteBlob"/> when no instance has its content and no other intent names its key,
    /// under an exclusion on the content that intent inserts share, then deletes the intent. Returns how many intents
    /// it removed.</summary>
    Task<int> SweepBlobIntentsAsync(TimeSpan maxAge, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct);

    Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct);

    /// <summary>Records a quarantined object once: the same content quarantined again for the same collection,
    /// site and reason (a re-run over the same input) adds no second entry, also under concurrent writers.</summary>
    Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct);

    /// <summary>Appends to the audit trail. Target and detail must never contain PHI.</summary>
    Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct);

    Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct);

    Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct);

    Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct);
}
