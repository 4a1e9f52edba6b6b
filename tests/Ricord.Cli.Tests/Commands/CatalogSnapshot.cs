using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Ingest;
using Ricord.Storage;

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

    /// <summary>The data directory agrees with its catalog: each instance's blob exists, hashes as recorded and
    /// parses as the recorded instance; the blob store holds nothing else and no temp file; counters equal the
    /// rows; quarantine entries are unique and the vault holds exactly their originals.</summary>
    public static async Task AssertConsistentAsync(CatalogOptions options, string dataDirectory)
    {
        var blobs = new FileSystemBlobStore(Path.Combine(dataDirectory, "blobs"));
        var vault = new QuarantineVault(Path.Combine(dataDirectory, "secrets", "quarantine"));
        var db = CatalogDbContextFactory.Create(options);
        await using (db)
        {
            var instances = await db.Instances.ToListAsync();
            Assert.Equal(instances.Count, instances.Select(i => i.SopInstanceUid).Distinct().Count());
            foreach (var i in instances)
            {
                byte[] bytes = await File.ReadAllBytesAsync(blobs.PathOf(i.BlobKey));
                Assert.Equal(i.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                Assert.Equal(i.SopInstanceUid, DicomFile.Read(bytes).Dataset.GetString(DicomTags.SOPInstanceUID));
            }

            var stored = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var key in blobs.ListAsync("", CancellationToken.None))
            {
                stored.Add(key);
            }

            Assert.Equal(instances.Select(i => i.BlobKey).ToHashSet(StringComparer.Ordinal), stored);
            Assert.Empty(Directory.EnumerateFiles(dataDirectory, "*" + FileSystemBlobStore.TempSuffix, SearchOption.AllDirectories));
            foreach (var s in await db.Series.ToListAsync())
            {
                Assert.Equal(instances.Count(i => i.SeriesId == s.Id), s.NumberOfInstances);
            }

            foreach (var s in await db.Studies.ToListAsync())
            {
                Assert.Equal(instances.Count(i => i.StudyId == s.Id), s.NumberOfInstances);
            }

            var quarantine = await db.QuarantineEntries.ToListAsync();
            Assert.Equal(quarantine.Count, quarantine.Select(q => (q.Reason, q.ContentHash)).Distinct().Count());
            Assert.Equal(quarantine.Select(q => q.BlobKey!["vault:".Length..]).ToHashSet(StringComparer.Ordinal), vault.Ids().ToHashSet(StringComparer.Ordinal));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
