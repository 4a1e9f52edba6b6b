using Ricord.Catalog;

namespace Ricord.IngestProbe;

/// <summary>Times the catalog calls ingest makes; the rest pass through.</summary>
internal sealed class TimedCatalog(ICatalog inner, StageClock clock) : ICatalog
{
    public Task MigrateAsync(CancellationToken ct) => inner.MigrateAsync(ct);

    public Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct) =>
        clock.TimeAsync("catalog ensure", () => inner.EnsureCollectionAsync(name, description, ct));

    public Task<long> EnsureSiteAsync(string code, string name, CancellationToken ct) =>
        clock.TimeAsync("catalog ensure", () => inner.EnsureSiteAsync(code, name, ct));

    public Task<InstanceInsertResult> AddInstanceAsync(InstanceRecord record, CancellationToken ct) =>
        clock.TimeAsync("catalog add instance", () => inner.AddInstanceAsync(record, ct));

    public Task<IReadOnlyList<InstanceInsertResult>> AddInstancesAsync(IReadOnlyList<InstanceRecord> records, BlobWriter? intentsOf, CancellationToken ct) =>
        clock.TimeAsync("catalog add batch", () => inner.AddInstancesAsync(records, intentsOf, ct));

    public Task AddBlobIntentsAsync(BlobWriter writer, IReadOnlyList<InstanceRecord> records, CancellationToken ct) =>
        clock.TimeAsync("catalog blob intents", () => inner.AddBlobIntentsAsync(writer, records, ct));

    public Task DiscardBlobIntentAsync(BlobWriter writer, string blobKey, string contentHash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        inner.DiscardBlobIntentAsync(writer, blobKey, contentHash, deleteBlob, ct);

    public Task<int> SweepBlobIntentsAsync(TimeSpan maxAge, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        inner.SweepBlobIntentsAsync(maxAge, deleteBlob, ct);


    public Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct) => inner.HasInstanceAsync(collection, sopInstanceUid, ct);

    public Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct) =>
        clock.TimeAsync("catalog quarantine", () => inner.AddQuarantineAsync(record, ct));

    public Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct) =>
        clock.TimeAsync("catalog audit", () => inner.AuditAsync(actor, action, target, detail, ct));

    public Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct) => inner.SearchStudiesAsync(query, ct);

    public Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct) => inner.SearchSeriesAsync(query, ct);

    public Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct) => inner.SearchInstancesAsync(query, ct);
}
