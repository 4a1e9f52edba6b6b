namespace Ricord.Catalog;

/// <summary>The start-up sweep of intents that crashed writers left (docs/ingest.md, "What cleans up what").</summary>
public sealed partial class DatabaseCatalog
{
    public async Task<int> SweepBlobIntentsAsync(TimeSpan maxAge, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deleteBlob);
        var intents = await OnConnectionAsync(c => ReadIntentsAsync(c, ct), ct).ConfigureAwait(false);
        var swept = 0;
        foreach (var (id, key, hash, writer, createdAt) in intents)
        {
            if (writer.MayBeRunning(createdAt, maxAge))
            {
                continue;
            }

            await WithRetriesAsync(() => SweepIntentAsync(id, key, hash, deleteBlob, ct), ct).ConfigureAwait(false);
            swept++;
        }

        return swept;
    }

    public Task DiscardBlobIntentAsync(BlobWriter writer, string blobKey, string contentHash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(deleteBlob);
        return WithRetriesAsync(() => ReleaseIntentAsync(blobKey, contentHash.ToLowerInvariant(),
            """ "Host" = @host AND "ProcessId" = @pid AND "ProcessStartedAt" = @start AND "BlobKey" = @k """,
            [("@host", writer.Host), ("@pid", writer.ProcessId), ("@start", writer.StartedAt)], deleteBlob, ct), ct);
    }

    /// <summary>One abandoned intent (by id), as <see cref="ReleaseIntentAsync"/> does.</summary>
    private Task SweepIntentAsync(long id, string key, string hash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        ReleaseIntentAsync(key, hash, """ "Id" = @id """, [("@id", id)], deleteBlob, ct);

    /// <summary>
    /// Removes the intents that <paramref name="mine"/> selects (of key <paramref name="key"/>), and first the blob
    /// itself when nothing else holds it, under the content's exclusion (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
    /// advisory lock that every intent insert of this content takes too): the blob is deleted, while that exclusion is
    /// held, only when no instance row has its content and no other intent names its key, checked in one statement
    /// (one snapshot on PostgreSQL, so a writer's index transaction, which inserts the row and deletes its intent at
    /// once, is seen on one side or the other). A writer that records its intent after this commits finds no blob and
    /// writes its own. Used by the sweep (a dead writer's intent) and by a live writer for a refused instance's blob.
    /// </summary>
    private Task ReleaseIntentAsync(string key, string hash, string mine, (string Name, object? Value)[] mineParameters,
        Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        InWriteTransactionAsync(async c =>
        {
            await LockContentAsync(c, [hash], ct).ConfigureAwait(false);
            (string, object?)[] parameters = [("@k", key), ("@h", hash), .. mineParameters];
            var held = await CatalogCommand.ScalarAsync(c,
                $"""
                SELECT 1 WHERE EXISTS (SELECT 1 FROM "BlobIntents" WHERE "BlobKey" = @k AND NOT ({mine}))
                            OR EXISTS (SELECT 1 FROM "Instances" WHERE "ContentHash" = @h)
                """, ct, parameters).ConfigureAwait(false);
            if (held is null)
            {
                await deleteBlob(key, ct).ConfigureAwait(false);
            }

            await CatalogCommand.ExecuteAsync(c, $"""DELETE FROM "BlobIntents" WHERE "BlobKey" = @k AND {mine}""", ct, parameters).ConfigureAwait(false);
            await c.Transaction!.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, ct);

    private static async Task<List<(long Id, string Key, string Hash, BlobWriter Writer, DateTime CreatedAt)>> ReadIntentsAsync(CatalogConnection c, CancellationToken ct)
    {
        var command = CatalogCommand.Create(c,
            """SELECT "Id", "BlobKey", "ContentHash", "Host", "ProcessId", "ProcessStartedAt", "CreatedAt" FROM "BlobIntents" ORDER BY "Id" """);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var intents = new List<(long, string, string, BlobWriter, DateTime)>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var writer = new BlobWriter(reader.GetString(3), reader.GetInt32(4), Utc(reader.GetDateTime(5)));
                    intents.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2).Trim(), writer, Utc(reader.GetDateTime(6))));
                }

                return intents;
            }
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
