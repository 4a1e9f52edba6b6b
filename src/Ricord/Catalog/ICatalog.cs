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
    /// if this throws, none.</summary>
    Task<IReadOnlyList<InstanceInsertResult>> AddInstancesAsync(IReadOnlyList<InstanceRecord> records, CancellationToken ct);

    Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct);

    /// <summary>Whether any instance, in any collection, has this content (SHA-256 hex), i.e. references the
    /// content-addressed blob of these bytes.</summary>
    Task<bool> HasContentAsync(string contentHash, CancellationToken ct);

    /// <summary>Records a quarantined object once: the same content quarantined again for the same collection,
    /// site and reason (a re-run over the same input) adds no second entry, also under concurrent writers.</summary>
    Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct);

    /// <summary>Appends to the audit trail. Target and detail must never contain PHI.</summary>
    Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct);

    Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct);

    Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct);

    Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct);
}
