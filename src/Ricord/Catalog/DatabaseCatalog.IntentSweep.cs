using System.Data.Common;

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

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await SweepIntentAsync(id, key, hash, deleteBlob, ct).ConfigureAwait(false);
                    break;
                }
                catch (DbException e) when (attempt < MaxAttempts && _connections.IsTransient(e))
                {
                    await Task.Delay(10 * attempt, ct).ConfigureAwait(false);
                }
            }

            swept++;
        }

        return swept;
    }

    /// <summary>
    /// One abandoned intent, under the content's exclusion (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock that
    /// every intent insert of this content takes too): the blob is deleted, while that exclusion is held, only when no
    /// instance row has its content and no other intent names its key, checked in one statement (one snapshot on
    /// PostgreSQL, so a writer's index transaction, which inserts the row and deletes its intent at once, is seen on
    /// one side or the other). A writer that records its intent after this commits finds no blob and writes its own.
    /// </summary>
    private Task<bool> SweepIntentAsync(long id, string key, string hash, Func<string, CancellationToken, Task> deleteBlob, CancellationToken ct) =>
        InWriteTransactionAsync(async c =>
        {
            await LockContentAsync(c, [hash], ct).ConfigureAwait(false);
            var held = await CatalogCommand.ScalarAsync(c,
                """
                SELECT 1 WHERE EXISTS (SELECT 1 FROM "BlobIntents" WHERE "BlobKey" = @k AND "Id" <> @id)
                            OR EXISTS (SELECT 1 FROM "Instances" WHERE "ContentHash" = @h)
                """, ct, ("@k", key), ("@id", id), ("@h", hash)).ConfigureAwait(false);
            if (held is null)
            {
                await deleteBlob(key, ct).ConfigureAwait(false);
            }

            await CatalogCommand.ExecuteAsync(c, """DELETE FROM "BlobIntents" WHERE "Id" = @id""", ct, ("@id", id)).ConfigureAwait(false);
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
