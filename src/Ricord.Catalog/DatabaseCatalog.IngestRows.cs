namespace Ricord.Catalog;

/// <summary>The rows one indexed instance writes: patient, study and series when new, and the instance.</summary>
public sealed partial class DatabaseCatalog
{
    private const string SelectPatientSql = """SELECT "Id" FROM "Patients" WHERE "CollectionId" = @c AND "PseudonymousId" = @p""";
    private const string SelectStudySql = """SELECT "Id", "PatientId" FROM "Studies" WHERE "CollectionId" = @c AND "StudyInstanceUid" = @u""";
    private const string SelectSeriesSql = """SELECT "Id", "StudyId" FROM "Series" WHERE "CollectionId" = @c AND "SeriesInstanceUid" = @u""";

    private static readonly InstanceInsertResult StudyConflict = new(InstanceInsertStatus.Conflict, 0, "StudyInstanceUID is already indexed for another patient.");
    private static readonly InstanceInsertResult SeriesConflict = new(InstanceInsertStatus.Conflict, 0, "SeriesInstanceUID is already indexed in another study.");

    private static async Task<long> InsertPatientAsync(CatalogConnection c, InstanceRecord r, RecordIds ids, CancellationToken ct) =>
        (await GetOrInsertRowAsync(c, SelectPatientSql,
            """
            INSERT INTO "Patients" ("CollectionId", "SiteId", "PseudonymousId", "Sex", "Age", "CreatedAt")
            VALUES (@c, @s, @p, @sex, @age, @now) ON CONFLICT ("CollectionId", "PseudonymousId") DO NOTHING RETURNING "Id"
            """, ct, ("@c", ids.Collection), ("@s", ids.Site), ("@p", r.PatientId), ("@sex", r.PatientSex), ("@age", r.PatientAge), ("@now", ids.Now)).ConfigureAwait(false)).Id;

    private static Task<(long Id, string? B, bool Inserted)> InsertStudyAsync(CatalogConnection c, InstanceRecord r, RecordIds ids, long patientId, CancellationToken ct) =>
        GetOrInsertRowAsync(c, SelectStudySql,
            """
            INSERT INTO "Studies" ("CollectionId", "SiteId", "PatientId", "StudyInstanceUid", "StudyDate", "StudyTime",
                "AccessionNumber", "StudyDescription", "ModalitiesInStudy", "NumberOfSeries", "NumberOfInstances", "CreatedAt")
            VALUES (@c, @s, @pid, @u, @date, @time, @acc, @desc, '', 0, 0, @now)
            ON CONFLICT ("CollectionId", "StudyInstanceUid") DO NOTHING RETURNING "Id"
            """, ct, ("@c", ids.Collection), ("@s", ids.Site), ("@pid", patientId), ("@u", r.StudyInstanceUid),
            ("@date", r.StudyDate ?? DateOnly.MinValue), ("@time", r.StudyTime), ("@acc", r.AccessionNumber),
            ("@desc", r.StudyDescription), ("@now", ids.Now));

    private static Task<(long Id, string? B, bool Inserted)> InsertSeriesAsync(CatalogConnection c, InstanceRecord r, RecordIds ids, long studyId, CancellationToken ct) =>
        GetOrInsertRowAsync(c, SelectSeriesSql,
            """
            INSERT INTO "Series" ("CollectionId", "StudyId", "SeriesInstanceUid", "Modality", "SeriesNumber",
                "SeriesDescription", "BodyPartExamined", "NumberOfInstances", "CreatedAt")
            VALUES (@c, @st, @u, @m, @n, @desc, @body, 0, @now)
            ON CONFLICT ("CollectionId", "SeriesInstanceUid") DO NOTHING RETURNING "Id"
            """, ct, ("@c", ids.Collection), ("@st", studyId), ("@u", r.SeriesInstanceUid), ("@m", r.Modality),
            ("@n", r.SeriesNumber), ("@desc", r.SeriesDescription), ("@body", r.BodyPartExamined), ("@now", ids.Now));

    private static async Task<long?> InsertInstanceAsync(
        CatalogConnection c, InstanceRecord r, RecordIds ids, long studyId, long seriesId, CancellationToken ct) =>
        await CatalogCommand.ScalarAsync(c,
            """
            INSERT INTO "Instances" ("CollectionId", "StudyId", "SeriesId", "SopInstanceUid", "SopClassUid", "InstanceNumber",
                "TransferSyntaxUid", "BlobKey", "Size", "ContentHash", "Rows", "Columns", "NumberOfFrames",
                "ImagePositionZ", "SliceThickness", "ReceivedAt", "DeidProfileId")
            VALUES (@c, @st, @se, @u, @cls, @n, @ts, @key, @size, @hash, @rows, @cols, @frames, @z, @thick, @now, @profile)
            ON CONFLICT ("CollectionId", "SopInstanceUid") DO NOTHING RETURNING "Id"
            """, ct, ("@c", ids.Collection), ("@st", studyId), ("@se", seriesId), ("@u", r.SopInstanceUid),
            ("@cls", r.SopClassUid), ("@n", r.InstanceNumber), ("@ts", r.TransferSyntaxUid), ("@key", r.BlobKey),
            ("@size", r.Size), ("@hash", r.ContentHash.ToLowerInvariant()), ("@rows", r.Rows), ("@cols", r.Columns),
            ("@frames", r.NumberOfFrames), ("@z", r.ImagePositionZ), ("@thick", r.SliceThickness), ("@now", ids.Now), ("@profile", ids.Profile)).ConfigureAwait(false);

    /// <summary>The id of the DeidProfiles row holding <paramref name="json"/> (inserted the first time); null for none.</summary>
    private static async Task<long?> DeidProfileIdAsync(CatalogConnection c, string? json, Dictionary<string, long> known, DateTime now, CancellationToken ct)
    {
        if (json is null)
        {
            return null;
        }

        if (!known.TryGetValue(json, out long id))
        {
            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
            id = known[json] = (await GetOrInsertRowAsync(c, """SELECT "Id" FROM "DeidProfiles" WHERE "Sha256" = @h""",
                """
                INSERT INTO "DeidProfiles" ("Sha256", "Json", "CreatedAt") VALUES (@h, @j, @now)
                ON CONFLICT ("Sha256") DO NOTHING RETURNING "Id"
                """, ct, ("@h", sha), ("@j", json), ("@now", now)).ConfigureAwait(false)).Id;
        }

        return id;
    }

    /// <summary>Insert; if a concurrent writer inserted the row first, select it. Returns the id, the select's second
    /// column (B) for a row found, and whether this call inserted it.</summary>
    private static async Task<(long Id, string? B, bool Inserted)> GetOrInsertRowAsync(
        CatalogConnection c, string select, string insert, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var inserted = await CatalogCommand.RowAsync(c, insert, ct, parameters).ConfigureAwait(false);
        if (inserted is { } ins)
        {
            return (ins.A, null, true);
        }

        var again = await CatalogCommand.RowAsync(c, select, ct, parameters).ConfigureAwait(false)
            ?? throw new CatalogException("A catalog row conflicted on insert but could not be read back.");
        return (again.A, again.B, false);
    }
}
