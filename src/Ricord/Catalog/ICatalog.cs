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

    Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct);

    Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct);

    /// <summary>Appends to the audit trail. Target and detail must never contain PHI.</summary>
    Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct);

    Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct);

    Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct);

    Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct);
}
