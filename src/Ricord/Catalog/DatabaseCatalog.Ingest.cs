using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    private const int MaxAttempts = 5;

    public async Task<InstanceInsertResult> AddInstanceAsync(InstanceRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddInstanceOnceAsync(record, ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Another writer on the same study won a lock race; the transaction was rolled back whole.
                await Task.Delay(10 * attempt, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<InstanceInsertResult> AddInstanceOnceAsync(InstanceRecord r, CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var collectionId = await CollectionIdAsync(db, r.Collection, ct).ConfigureAwait(false);
            var siteId = await SiteIdAsync(db, r.SiteCode, ct).ConfigureAwait(false);
            var now = DateTime.UtcNow;

            // SQLite: BEGIN IMMEDIATE (writers queue on the busy timeout). PostgreSQL: READ COMMITTED, where
            // INSERT … ON CONFLICT waits for a concurrent inserter of the same key and then sees its row.
            var isolation = db.Provider == CatalogProvider.Sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
            var tx = await db.Database.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var (patientId, _, _) = await GetOrInsertRowAsync(db,
                    """SELECT "Id" FROM "Patients" WHERE "CollectionId" = @c AND "PseudonymousId" = @p""",
                    """
                    INSERT INTO "Patients" ("CollectionId", "SiteId", "PseudonymousId", "Sex", "Age", "CreatedAt")
                    VALUES (@c, @s, @p, @sex, @age, @now) ON CONFLICT ("CollectionId", "PseudonymousId") DO NOTHING RETURNING "Id"
                    """, ct, ("@c", collectionId), ("@s", siteId), ("@p", r.PatientId), ("@sex", r.PatientSex), ("@age", r.PatientAge), ("@now", now)).ConfigureAwait(false);

                var (studyId, studyPatient, studyInserted) = await GetOrInsertRowAsync(db,
                    """SELECT "Id", "PatientId" FROM "Studies" WHERE "CollectionId" = @c AND "StudyInstanceUid" = @u""",
                    """
                    INSERT INTO "Studies" ("CollectionId", "SiteId", "PatientId", "StudyInstanceUid", "StudyDate", "StudyTime",
                        "AccessionNumber", "StudyDescription", "ModalitiesInStudy", "NumberOfSeries", "NumberOfInstances", "CreatedAt")
                    VALUES (@c, @s, @pid, @u, @date, @time, @acc, @desc, '', 0, 0, @now)
                    ON CONFLICT ("CollectionId", "StudyInstanceUid") DO NOTHING RETURNING "Id"
                    """, ct, ("@c", collectionId), ("@s", siteId), ("@pid", patientId), ("@u", r.StudyInstanceUid),
                    ("@date", r.StudyDate ?? DateOnly.MinValue), ("@time", r.StudyTime), ("@acc", r.AccessionNumber),
                    ("@desc", r.StudyDescription), ("@now", now)).ConfigureAwait(false);
                if (!studyInserted && studyPatient != patientId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    return new InstanceInsertResult(InstanceInsertStatus.Conflict, 0, "StudyInstanceUID is already indexed for another patient.");
                }

                var (seriesId, seriesStudy, seriesInserted) = await GetOrInsertRowAsync(db,
                    """SELECT "Id", "StudyId" FROM "Series" WHERE "CollectionId" = @c AND "SeriesInstanceUid" = @u""",
                    """
                    INSERT INTO "Series" ("CollectionId", "StudyId", "SeriesInstanceUid", "Modality", "SeriesNumber",
                        "SeriesDescription", "BodyPartExamined", "NumberOfInstances", "CreatedAt")
                    VALUES (@c, @st, @u, @m, @n, @desc, @body, 0, @now)
                    ON CONFLICT ("CollectionId", "SeriesInstanceUid") DO NOTHING RETURNING "Id"
                    """, ct, ("@c", collectionId), ("@st", studyId), ("@u", r.SeriesInstanceUid), ("@m", r.Modality),
                    ("@n", r.SeriesNumber), ("@desc", r.SeriesDescription), ("@body", r.BodyPartExamined), ("@now", now)).ConfigureAwait(false);
                if (!seriesInserted && seriesStudy != studyId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    return new InstanceInsertResult(InstanceInsertStatus.Conflict, 0, "SeriesInstanceUID is already indexed in another study.");
                }

                var instanceId = await InsertInstanceAsync(db, r, collectionId, studyId, seriesId, now, ct).ConfigureAwait(false);
                if (instanceId is null)
                {
                    var existing = await CatalogCommand.RowAsync(db,
                        """SELECT "Id", "ContentHash" FROM "Instances" WHERE "CollectionId" = @c AND "SopInstanceUid" = @u""",
                        ct, ("@c", collectionId), ("@u", r.SopInstanceUid)).ConfigureAwait(false)
                        ?? throw new CatalogException("An instance conflicted on insert but could not be read back.");
                    return string.Equals(existing.B?.Trim(), r.ContentHash, StringComparison.OrdinalIgnoreCase)
                        ? new InstanceInsertResult(InstanceInsertStatus.AlreadyPresent, existing.A)
                        : new InstanceInsertResult(InstanceInsertStatus.Conflict, existing.A, "SOPInstanceUID is already indexed with different content.");
                }

                await UpdateCountersAsync(db, r.Modality, studyId, seriesId, seriesInserted, ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return new InstanceInsertResult(InstanceInsertStatus.Inserted, instanceId.Value);
            }
        }
    }

    private static async Task<long?> InsertInstanceAsync(
        CatalogDbContext db, InstanceRecord r, long collectionId, long studyId, long seriesId, DateTime now, CancellationToken ct) =>
        await CatalogCommand.ScalarAsync(db,
            """
            INSERT INTO "Instances" ("CollectionId", "StudyId", "SeriesId", "SopInstanceUid", "SopClassUid", "InstanceNumber",
                "TransferSyntaxUid", "BlobKey", "Size", "ContentHash", "Rows", "Columns", "NumberOfFrames",
                "ImagePositionZ", "SliceThickness", "ReceivedAt")
            VALUES (@c, @st, @se, @u, @cls, @n, @ts, @key, @size, @hash, @rows, @cols, @frames, @z, @thick, @now)
            ON CONFLICT ("CollectionId", "SopInstanceUid") DO NOTHING RETURNING "Id"
            """, ct, ("@c", collectionId), ("@st", studyId), ("@se", seriesId), ("@u", r.SopInstanceUid),
            ("@cls", r.SopClassUid), ("@n", r.InstanceNumber), ("@ts", r.TransferSyntaxUid), ("@key", r.BlobKey),
            ("@size", r.Size), ("@hash", r.ContentHash.ToLowerInvariant()), ("@rows", r.Rows), ("@cols", r.Columns),
            ("@frames", r.NumberOfFrames), ("@z", r.ImagePositionZ), ("@thick", r.SliceThickness), ("@now", now)).ConfigureAwait(false);

    /// <summary>Counters change by atomic increments inside the inserting transaction, so they stay exact under
    /// concurrent writers; the modality list is extended in one UPDATE that reads the row's latest version.</summary>
    private static async Task UpdateCountersAsync(
        CatalogDbContext db, string modality, long studyId, long seriesId, bool newSeries, CancellationToken ct)
    {
        await CatalogCommand.ExecuteAsync(db,
            """UPDATE "Series" SET "NumberOfInstances" = "NumberOfInstances" + 1, "MetadataBlobKey" = NULL WHERE "Id" = @id""",
            ct, ("@id", seriesId)).ConfigureAwait(false);
        var sql = newSeries
            ? """
              UPDATE "Studies" SET "NumberOfInstances" = "NumberOfInstances" + 1, "NumberOfSeries" = "NumberOfSeries" + 1,
                "ModalitiesInStudy" = CASE
                  WHEN ('\' || "ModalitiesInStudy" || '\') LIKE @pattern ESCAPE '!' THEN "ModalitiesInStudy"
                  WHEN "ModalitiesInStudy" = '' THEN @m
                  ELSE "ModalitiesInStudy" || '\' || @m END
              WHERE "Id" = @id
              """
            : """UPDATE "Studies" SET "NumberOfInstances" = "NumberOfInstances" + 1 WHERE "Id" = @id""";
        if (!newSeries)
        {
            await CatalogCommand.ExecuteAsync(db, sql, ct, ("@id", studyId)).ConfigureAwait(false);
            return;
        }

        var pattern = "%\\" + modality.Replace("!", "!!", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal)
            .Replace("%", "!%", StringComparison.Ordinal) + "\\%";
        await CatalogCommand.ExecuteAsync(db, sql, ct, ("@id", studyId), ("@m", modality), ("@pattern", pattern)).ConfigureAwait(false);
    }

    /// <summary>Select first (the common case: the row exists); otherwise insert, and if a concurrent writer
    /// inserted it first, select again. Returns the id and, when this call inserted the row. The select may return a second column (B).</summary>
    private static async Task<(long Id, string? B, bool Inserted)> GetOrInsertRowAsync(
        CatalogDbContext db, string select, string insert, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var found = await CatalogCommand.RowAsync(db, select, ct, parameters).ConfigureAwait(false);
        if (found is { } row)
        {
            return (row.A, row.B, false);
        }

        var inserted = await CatalogCommand.RowAsync(db, insert, ct, parameters).ConfigureAwait(false);
        if (inserted is { } ins)
        {
            return (ins.A, null, true);
        }

        var again = await CatalogCommand.RowAsync(db, select, ct, parameters).ConfigureAwait(false)
            ?? throw new CatalogException("A catalog row conflicted on insert but could not be read back.");
        return (again.A, again.B, false);
    }
}
