using Microsoft.Extensions.Logging;
using Ricord.Catalog;

namespace Ricord.Diagnostics;

/// <summary>
/// The catalog as ingest writes to it, logged and counted: every batch, quarantine and sweep passes here, so ingest
/// is observed without the pipeline knowing. Logs carry counts, codes and reasons only; never a record's
/// identifiers, a quarantine's detail or an audit target (docs/design.md, "Logging").
/// </summary>
public sealed partial class ObservedCatalog : ICatalog
{
    private readonly ICatalog _inner;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _log;

    public ObservedCatalog(ICatalog inner, IngestMetrics metrics, ILogger<ObservedCatalog> log)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(log);
        _inner = inner;
        _metrics = metrics;
        _log = log;
    }

    public Task MigrateAsync(CancellationToken ct) => _inner.MigrateAsync(ct);

    public Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct) => _inner.EnsureCollectionAsync(name, description, ct);

    public Task<long> EnsureSiteAsync(string code, string name, CancellationToken ct) => _inner.EnsureSiteAsync(code, name, ct);

    public async Task<InstanceInsertResult> AddInstanceAsync(InstanceRecord record, CancellationToken ct)
    {
        var result = await _inner.AddInstanceAsync(record, ct).ConfigureAwait(false);
        Observe([record], [result]);
        return result;
    }

    public async Task<IReadOnlyList<InstanceInsertResult>> AddInstancesAsync(IReadOnlyList<InstanceRecord> records, BlobWriter? intentsOf, CancellationToken ct)
    {
        var results = await _inner.AddInstancesAsync(records, intentsOf, ct).ConfigureAwait(false);
        Observe(records, results);
        return results;
    }

    public Task AddBlobIntentsAsync(BlobWriter writer, IReadOnlyList<InstanceRecord> records, CancellationToken ct) =>
        _inner.AddBlobIntentsAsync(writer, records, ct);

    public Task DiscardBlobIntentAsync(BlobWriter writer, string blobKey, string contentHash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        _inner.DiscardBlobIntentAsync(writer, blobKey, contentHash, deleteBlob, ct);

    public async Task<int> SweepBlobIntentsAsync(TimeSpan maxAge, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct)
    {
        int swept = await _inner.SweepBlobIntentsAsync(maxAge, deleteBlob, ct).ConfigureAwait(false);
        if (swept > 0)
        {
            LogSwept(_log, swept);
        }

        return swept;
    }

    public Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct) => _inner.HasInstanceAsync(collection, sopInstanceUid, ct);

    public async Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _inner.AddQuarantineAsync(record, ct).ConfigureAwait(false);
        _metrics.Quarantined(record.Reason);
        LogQuarantined(_log, record.Reason, record.Collection, record.SiteCode);
    }

    public async Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct)
    {
        await _inner.AuditAsync(actor, action, target, detail, ct).ConfigureAwait(false);
        LogAudited(_log, action);
    }

    public Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct) => _inner.SearchStudiesAsync(query, ct);

    public Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct) => _inner.SearchSeriesAsync(query, ct);

    public Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct) => _inner.SearchInstancesAsync(query, ct);

    private void Observe(IReadOnlyList<InstanceRecord> records, IReadOnlyList<InstanceInsertResult> results)
    {
        _metrics.Indexed(records, results);
        int inserted = results.Count(r => r.Status == InstanceInsertStatus.Inserted);
        int conflicts = results.Count(r => r.Status == InstanceInsertStatus.Conflict);
        LogBatch(_log, records.Count, inserted, conflicts);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Indexed a batch of {Count} de-identified instances: {Inserted} new, {Conflicts} conflicting")]
    private static partial void LogBatch(ILogger logger, int count, int inserted, int conflicts);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Quarantined an object ({Reason}) for collection {Collection}, site {Site}")]
    private static partial void LogQuarantined(ILogger logger, QuarantineReason reason, string collection, string? site);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Swept {Count} abandoned blob intents")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Audited {Action}")]
    private static partial void LogAudited(ILogger logger, string action);
}
