using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Ingest;
using Ricord.Storage;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Commands;

/// <summary>What a data directory holds, as sorted lines, so two directories compare with one Assert.Equal.</summary>
internal sealed record CatalogSnapshot(string[] Instances, string[] Quarantine, int Patients, int Studies, int Series)
{
    public static async Task<CatalogSnapshot> TakeAsync(CatalogOptions options)
    {
        var db = CatalogDbContextFactory.Create(options);
        await using (db)
        {
            var instances = await db.Instances.Select(i => i.SopInstanceUid + " " + i.ContentHash + " " + i.BlobKey).ToListAsync();
            var quarantine = await db.QuarantineEntries.Select(q => q.Reason.ToString() + " " + q.ContentHash).ToListAsync();
            var snapshot = new CatalogSnapshot([.. instances.Order(StringComparer.Ordinal)], [.. quarantine.Order(StringComparer.Ordinal)],
                await db.Patients.CountAsync(), await db.Studies.CountAsync(), await db.Series.CountAsync());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return snapshot;
        }
    }

    /// <summary>The data directory agrees with its catalog (<see cref="DataDirectoryChecks"/>).</summary>
    public static async Task AssertConsistentAsync(CatalogOptions options, string dataDirectory)
    {
        var db = CatalogDbContextFactory.Create(options);
        await using (db)
        {
            await DataDirectoryChecks.AssertConsistentAsync(db, new FileSystemBlobStore(Path.Combine(dataDirectory, "blobs")),
                new QuarantineVault(Path.Combine(dataDirectory, "secrets", "quarantine")), dataDirectory);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
