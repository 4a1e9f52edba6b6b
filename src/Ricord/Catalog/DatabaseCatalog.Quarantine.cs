using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    /// <summary>Namespace of the advisory locks that serialise quarantine inserts of the same content on PostgreSQL.</summary>
    private const int QuarantineLockClass = 0x52514E54; // "RQNT"

    public async Task<bool> HasContentAsync(string contentHash, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var hash = contentHash.ToLowerInvariant();
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Instances.AnyAsync(i => i.ContentHash == hash, ct).ConfigureAwait(false);
        }
    }

    public async Task AddQuarantineAsync(QuarantineRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AddQuarantineOnceAsync(record, ct).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await Task.Delay(10 * attempt, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Check and insert in one transaction that excludes another writer of the same content: SQLite's
    /// BEGIN IMMEDIATE (one writer at a time), or on PostgreSQL a transaction-scoped advisory lock on the hash
    /// (no unique index covers quarantine entries, and READ COMMITTED alone would let two inserts through).</summary>
    private async Task AddQuarantineOnceAsync(QuarantineRecord record, CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var collectionId = await CollectionIdAsync(db, record.Collection, ct).ConfigureAwait(false);
            long? siteId = record.SiteCode is null ? null : await SiteIdAsync(db, record.SiteCode, ct).ConfigureAwait(false);
            var isolation = db.Provider == CatalogProvider.Sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
            var tx = await db.Database.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                if (record.ContentHash is { } hash)
                {
                    if (db.Provider == CatalogProvider.Postgres)
                    {
                        await CatalogCommand.ExecuteAsync(db, "SELECT pg_advisory_xact_lock(@class, hashtext(@hash))", ct,
                            ("@class", QuarantineLockClass), ("@hash", hash)).ConfigureAwait(false);
                    }

                    var known = await db.QuarantineEntries.AnyAsync(q => q.CollectionId == collectionId && q.SiteId == siteId
                        && q.ContentHash == hash && q.Reason == record.Reason, ct).ConfigureAwait(false);
                    if (known)
                    {
                        await tx.CommitAsync(ct).ConfigureAwait(false);
                        return;
                    }
                }

                db.QuarantineEntries.Add(new QuarantineEntry
                {
                    CollectionId = collectionId,
                    SiteId = siteId,
                    ReceivedAt = DateTime.UtcNow,
                    Reason = record.Reason,
                    Detail = record.Detail,
                    BlobKey = record.BlobKey,
                    ContentHash = record.ContentHash,
                });
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
