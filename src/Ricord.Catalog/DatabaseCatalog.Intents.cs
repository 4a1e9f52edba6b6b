namespace Ricord.Catalog;

/// <summary>Blob intents (docs/ingest.md, "What cleans up what"): the keys a writer is about to store, so that what a
/// crashed writer leaves can be found and removed without listing the store.</summary>
public sealed partial class DatabaseCatalog
{
    /// <summary>Namespace of the advisory locks on a content hash that order intent inserts and the intent sweep on
    /// PostgreSQL (SQLite's BEGIN IMMEDIATE already admits one writer at a time).</summary>
    private const int BlobLockClass = 0x52424C42; // "RBLB"

    public async Task AddBlobIntentsAsync(BlobWriter writer, IReadOnlyList<InstanceRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await WithRetriesAsync(() => InWriteTransactionAsync(async c =>
        {
            // Taken in one order by every inserter; a sweep that holds one of them has decided about that
            // content, and this insert is seen by every sweep that starts after it.
            await LockContentAsync(c, [.. records.Select(r => r.ContentHash.ToLowerInvariant()).Distinct(StringComparer.Ordinal)], ct).ConfigureAwait(false);
            var values = string.Join(", ", records.Select((_, i) => $"(@k{i}, @h{i}, @host, @pid, @start, @at)"));
            (string, object?)[] parameters =
            [
                ("@host", writer.Host), ("@pid", writer.ProcessId), ("@start", writer.StartedAt), ("@at", DateTime.UtcNow),
                .. records.SelectMany((r, i) => new (string, object?)[] { ($"@k{i}", r.BlobKey), ($"@h{i}", r.ContentHash.ToLowerInvariant()) }),
            ];
            await CatalogCommand.ExecuteAsync(c,
                $"""INSERT INTO "BlobIntents" ("BlobKey", "ContentHash", "Host", "ProcessId", "ProcessStartedAt", "CreatedAt") VALUES {values}""",
                ct, parameters).ConfigureAwait(false);
            await c.Transaction!.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Deletes <paramref name="writer"/>'s intents of these keys (only its own: another writer's intent of the
    /// same key still protects that writer's blob).</summary>
    private static Task<int> DeleteIntentsAsync(CatalogConnection c, BlobWriter writer, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return Task.FromResult(0);
        }

        var list = string.Join(", ", keys.Select((_, i) => $"@k{i}"));
        return CatalogCommand.ExecuteAsync(c,
            $"""DELETE FROM "BlobIntents" WHERE "Host" = @host AND "ProcessId" = @pid AND "ProcessStartedAt" = @start AND "BlobKey" IN ({list})""",
            ct, [("@host", writer.Host), ("@pid", writer.ProcessId), ("@start", writer.StartedAt), .. keys.Select((k, i) => ($"@k{i}", (object?)k))]);
    }

    /// <summary>The same content locks in a context's current transaction (a catalog withdrawal takes them before it
    /// records the intents of the blobs it will delete).</summary>
    internal async Task LockContentAsync(CatalogDbContext db, string[] hashes, CancellationToken ct) =>
        await LockContentAsync(await CatalogCommand.ConnectionAsync(db, ct).ConfigureAwait(false), hashes, ct).ConfigureAwait(false);

    private async Task LockContentAsync(CatalogConnection c, string[] hashes, CancellationToken ct)
    {
        if (Provider == CatalogProvider.Postgres)
        {
            await CatalogCommand.ExecuteAsync(c,
                """SELECT pg_advisory_xact_lock(@class, k) FROM (SELECT DISTINCT hashtext(h) AS k FROM unnest(@hashes) AS h) AS locks ORDER BY k""",
                ct, ("@class", BlobLockClass), ("@hashes", hashes)).ConfigureAwait(false);
        }
    }
}
