namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    /// <summary>Namespace of the advisory locks that serialise quarantine inserts of the same content on PostgreSQL.</summary>
    private const int QuarantineLockClass = 0x52514E54; // "RQNT"

    public async Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await WithRetriesAsync(() => AddQuarantineOnceAsync(record, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Check and insert in one transaction that excludes another writer of the same content: SQLite's
    /// BEGIN IMMEDIATE (one writer at a time), or on PostgreSQL a transaction-scoped advisory lock on the hash
    /// (no unique index covers quarantine entries, and READ COMMITTED alone would let two inserts through).</summary>
    private async Task AddQuarantineOnceAsync(QuarantineRecord record, CancellationToken ct)
    {
        var (collectionId, siteId) = await OnConnectionAsync(async c => (
            await CollectionIdAsync(c, record.Collection, ct).ConfigureAwait(false),
            record.SiteCode is null ? (long?)null : await SiteIdAsync(c, record.SiteCode, ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
        await InWriteTransactionAsync(async c =>
        {
            if (record.ContentHash is { } hash)
            {
                if (Provider == CatalogProvider.Postgres)
                {
                    await CatalogCommand.ExecuteAsync(c, "SELECT pg_advisory_xact_lock(@class, hashtext(@hash))", ct,
                        ("@class", QuarantineLockClass), ("@hash", hash)).ConfigureAwait(false);
                }

                (string, object?)[] key = [("@c", collectionId), ("@h", hash), ("@r", record.Reason.ToString()), .. siteId is { } s ? [("@s", s)] : Array.Empty<(string, object?)>()];
                var site = siteId is null ? "IS NULL" : "= @s";
                var known = await CatalogCommand.ScalarAsync(c,
                    $"""SELECT 1 FROM "QuarantineEntries" WHERE "CollectionId" = @c AND "SiteId" {site} AND "ContentHash" = @h AND "Reason" = @r LIMIT 1""",
                    ct, key).ConfigureAwait(false);
                if (known is not null)
                {
                    await c.Transaction!.CommitAsync(ct).ConfigureAwait(false);
                    return true;
                }
            }

            await CatalogCommand.ExecuteAsync(c,
                """
                INSERT INTO "QuarantineEntries" ("CollectionId", "SiteId", "ReceivedAt", "Reason", "Detail", "BlobKey", "ContentHash")
                VALUES (@c, @s, @at, @r, @detail, @key, @h)
                """, ct, ("@c", collectionId), ("@s", siteId), ("@at", DateTime.UtcNow), ("@r", record.Reason.ToString()),
                ("@detail", record.Detail), ("@key", record.BlobKey), ("@h", record.ContentHash)).ConfigureAwait(false);
            await c.Transaction!.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }
}
