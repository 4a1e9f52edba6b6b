using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Storage;
using Ricord.Testing;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// `ricord ingest` killed with SIGKILL right after new blobs reached the store, and its input never ingested again:
/// the next ingest of an unrelated folder (a letter, quarantined) sweeps the dead process's blob intents, so every
/// blob left in the store is referenced by an instance row and no intent remains (docs/ingest.md, "What cleans up
/// what").
/// </summary>
public sealed class IngestCrashSweepTests(IngestCrashFixture inputs, ITestOutputHelper output) : IClassFixture<IngestCrashFixture>
{
    [Fact]
    public async Task Killed_ingest_leaves_no_orphan_after_an_unrelated_ingest()
    {
        string root = Path.Combine(Path.GetTempPath(), "ricord-crash-sweep-" + Guid.NewGuid().ToString("N")[..12]);
        string data = Path.Combine(root, "data");
        string unrelated = Path.Combine(root, "unrelated");
        Directory.CreateDirectory(unrelated);
        File.WriteAllText(Path.Combine(unrelated, "letter.txt"), "Another referral letter, scanned as text.\n");
        var options = new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var log = new StringBuilder();
        try
        {
            // The kill must land after a batch's blobs are durable and before its catalog transaction, which
            // follows within milliseconds: once the run has recorded its first intents, the test takes SQLite's
            // write lock, so the run stores that batch and then waits for the lock in its index transaction. The
            // run can still win that race (it committed the batch before the test got the lock): then the attempt
            // is repeated on a fresh data directory, up to five times.
            int orphans = 0;
            for (int attempt = 1; attempt <= 5 && orphans == 0; attempt++)
            {
                data = Path.Combine(root, $"data{attempt}");
                options = new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data };
                using (var cli = CliProcess.Start(environment, ["ingest", inputs.Clean.SiteDicom, "--collection", "RICORD-SWEEP",
                    "--site", IngestCrashFixture.Site, "--data", data, "--parallel", "1"]))
                {
                    await IngestCrashTests.UntilAsync(() => cli.HasExited || IntentCount(data) > 0, TimeSpan.FromSeconds(90));
                    using var writeLock = new SqliteConnection($"Data Source={Path.Combine(data, "catalog.db")};Pooling=False");
                    writeLock.Open();
                    using (var hold = writeLock.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false))
                    {
                        int intents = IntentCount(data);
                        await IngestCrashTests.UntilAsync(() => cli.HasExited || IngestCrashTests.BlobFiles(data) >= intents, TimeSpan.FromSeconds(30));
                        await Task.Delay(200); // the store stage's last fsyncs
                        await cli.KillAsync();
                        hold.Rollback();
                    }
                }

                var indexed = await IngestCrashTests.IndexedAsync(options);
                orphans = IngestCrashTests.BlobFiles(data) - int.Parse(indexed == "none" ? "0" : indexed, CultureInfo.InvariantCulture);
                log.AppendLine(CultureInfo.InvariantCulture, $"attempt {attempt}, killed: {IngestCrashTests.BlobFiles(data)} blobs, {indexed} indexed, {IntentCount(data)} intents");
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }

            Assert.True(orphans > 0, $"the kill cut no blob off before its commit in five attempts\n{log}");
            using (var cli = CliProcess.Start(environment, ["ingest", unrelated, "--collection", "RICORD-OTHER", "--site", IngestCrashFixture.Site, "--data", data]))
            {
                int code = await cli.WaitAsync(TimeSpan.FromMinutes(1));
                Assert.True(code is 0 or 5, $"unrelated run exit code {code}\n{log}{cli.Output}");
            }

            // Every blob is an indexed instance's. (The vault may keep an original whose quarantine entry the kill cut
            // off: only a re-run of that input records it, docs/ingest.md.)
            var db = CatalogDbContextFactory.Create(options);
            await using (db)
            {
                var referenced = (await db.Instances.Select(i => i.BlobKey).ToListAsync()).ToHashSet(StringComparer.Ordinal);
                Assert.Equal(referenced, await DataDirectoryChecks.BlobKeysAsync(new FileSystemBlobStore(Path.Combine(data, "blobs"))));
                Assert.Equal(0, await db.BlobIntents.CountAsync());
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            output.WriteLine(log.ToString());
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Blob intents in the data directory's SQLite catalog; 0 while it has no such table yet.</summary>
    internal static int IntentCount(string data)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "catalog.db")};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "BlobIntents" """;
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
