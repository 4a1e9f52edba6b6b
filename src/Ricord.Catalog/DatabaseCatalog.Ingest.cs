
namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    public async Task<InstanceInsertResult> AddInstanceAsync(InstanceRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await AddInstancesAsync([record], null, ct).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<InstanceInsertResult>> AddInstancesAsync(IReadOnlyList<InstanceRecord> records, BlobWriter? intentsOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        return await WithRetriesAsync(() => AddInstancesOnceAsync(records, intentsOf, ct), ct).ConfigureAwait(false);
    }

    /// <summary>The whole batch in one transaction (one WAL commit on SQLite, one commit on PostgreSQL), each record
    /// with exactly the outcome it would have alone, in order. Null when a concurrent writer changed what a record's
    /// checks saw after it wrote rows (PostgreSQL only): the transaction is rolled back and the caller retries it.</summary>
    private Task<InstanceInsertResult[]?> AddInstancesOnceAsync(IReadOnlyList<InstanceRecord> records, BlobWriter? intentsOf, CancellationToken ct) =>
        InWriteTransactionAsync(async c =>
        {
            var now = DateTime.UtcNow;
            var counters = new CounterDeltas();
            var results = new InstanceInsertResult[records.Count];
            var profiles = new Dictionary<string, long>(StringComparer.Ordinal); // per transaction: a rolled-back row is not remembered
            for (int i = 0; i < records.Count; i++)
            {
                var r = records[i];
                var ids = new RecordIds(await CollectionIdAsync(c, r.Collection, ct).ConfigureAwait(false), await SiteIdAsync(c, r.SiteCode, ct).ConfigureAwait(false), now,
                    await DeidProfileIdAsync(c, r.DeidProfile, profiles, now, ct).ConfigureAwait(false));
                if (await AddOneAsync(c, r, ids, counters, ct).ConfigureAwait(false) is not { } result)
                {
                    return null;
                }

                results[i] = result;
            }

            await counters.ApplyAsync(c, ct).ConfigureAwait(false);
            if (intentsOf is not null)
            {
                // A refused record keeps its intent until its blob was dealt with (the caller removes it then).
                List<string> referenced = [.. records.Where((_, i) => results[i].Status is InstanceInsertStatus.Inserted or InstanceInsertStatus.AlreadyPresent)
                    .Select(r => r.BlobKey).Distinct(StringComparer.Ordinal)];
                await DeleteIntentsAsync(c, intentsOf, referenced, ct).ConfigureAwait(false);
            }

            await c.Transaction!.CommitAsync(ct).ConfigureAwait(false);
            return results;
        }, ct);

    /// <summary>
    /// One record inside the batch's transaction. Every check that can refuse the record (study of another
    /// patient, series of another study, SOPInstanceUID already indexed) runs before the record writes anything,
    /// so a refused record leaves no row behind and the batch goes on. Rows of earlier records of the batch are
    /// visible here, so the outcome is the one a transaction per record would give in the same order. Only a
    /// concurrent writer (PostgreSQL) can make a check fail after a write: then null, and the batch is retried.
    /// </summary>
    private static async Task<InstanceInsertResult?> AddOneAsync(CatalogConnection c, InstanceRecord r, RecordIds ids, CounterDeltas counters, CancellationToken ct)
    {
        // Child before parent: under PostgreSQL's READ COMMITTED each statement sees what was committed when it began, and
        // a committed series implies its study and patient were committed with or before it; so reading series, then
        // study, then patient never sees a child without its parent (reading the patient first could miss a patient that
        // a concurrent writer committed together with the study read next, and report a false study conflict).
        var series = await CatalogCommand.RowAsync(c, SelectSeriesSql, ct, ("@c", ids.Collection), ("@u", r.SeriesInstanceUid)).ConfigureAwait(false);
        var study = await CatalogCommand.RowAsync(c, SelectStudySql, ct, ("@c", ids.Collection), ("@u", r.StudyInstanceUid)).ConfigureAwait(false);
        var patient = await CatalogCommand.ScalarAsync(c, SelectPatientSql, ct, ("@c", ids.Collection), ("@p", r.PatientId)).ConfigureAwait(false);
        if (study is { } s && s.B != Text(patient))
        {
            return StudyConflict;
        }

        if (series is { } se && se.B != Text(study?.A))
        {
            return SeriesConflict;
        }

        if ((patient is null || study is null || series is null) && await ExistingInstanceAsync(c, r, ids.Collection, ct).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        bool wrote = false;
        long patientId = patient ?? await InsertPatientAsync(c, r, ids, ct).ConfigureAwait(false);
        wrote |= patient is null;

        var (studyId, studyPatient, studyInserted) = study is { } st ? (st.A, st.B, false) : await InsertStudyAsync(c, r, ids, patientId, ct).ConfigureAwait(false);
        wrote |= studyInserted;
        if (!studyInserted && studyPatient != Text(patientId))
        {
            return wrote ? null : StudyConflict;
        }

        var (seriesId, seriesStudy, seriesInserted) = series is { } sr ? (sr.A, sr.B, false) : await InsertSeriesAsync(c, r, ids, studyId, ct).ConfigureAwait(false);
        wrote |= seriesInserted;
        if (!seriesInserted && seriesStudy != Text(studyId))
        {
            return wrote ? null : SeriesConflict;
        }

        var instanceId = await InsertInstanceAsync(c, r, ids, studyId, seriesId, ct).ConfigureAwait(false);
        if (instanceId is null)
        {
            var existing = await ExistingInstanceAsync(c, r, ids.Collection, ct).ConfigureAwait(false)
                ?? throw new CatalogException("An instance conflicted on insert but could not be read back.");
            return wrote ? null : existing;
        }

        counters.Add(studyId, seriesId, seriesInserted ? r.Modality : null);
        return new InstanceInsertResult(InstanceInsertStatus.Inserted, instanceId.Value);
    }

    private static async Task<InstanceInsertResult?> ExistingInstanceAsync(CatalogConnection c, InstanceRecord r, long collectionId, CancellationToken ct)
    {
        var existing = await CatalogCommand.RowAsync(c,
            """SELECT "Id", "ContentHash" FROM "Instances" WHERE "CollectionId" = @c AND "SopInstanceUid" = @u""",
            ct, ("@c", collectionId), ("@u", r.SopInstanceUid)).ConfigureAwait(false);
        return existing is not { } e ? null
            : string.Equals(e.B?.Trim(), r.ContentHash, StringComparison.OrdinalIgnoreCase)
                ? new InstanceInsertResult(InstanceInsertStatus.AlreadyPresent, e.A)
                : new InstanceInsertResult(InstanceInsertStatus.Conflict, e.A, "SOPInstanceUID is already indexed with different content.");
    }

    private static string? Text(long? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The collection, site and time every row of one record is written with.</summary>
    private readonly record struct RecordIds(long Collection, long Site, DateTime Now, long? Profile);
}
