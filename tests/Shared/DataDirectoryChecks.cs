using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.Testing;

/// <summary>The check every ingest test ends with, in process or through the CLI: the catalog, the blob store
/// and the quarantine vault of one data directory agree exactly.</summary>
internal static class DataDirectoryChecks
{
    /// <summary>Every indexed blob exists, hashes, measures and parses as recorded; the store holds nothing else
    /// and no temp file is left under <paramref name="root"/>; counters equal the rows; quarantine entries are
    /// unique, each has its original in the vault, and the vault holds nothing else.</summary>
    public static async Task AssertConsistentAsync(CatalogDbContext db, IBlobStore blobs, QuarantineVault vault, string root)
    {
        var instances = await db.Instances.ToListAsync().ConfigureAwait(false);
        Assert.Equal(instances.Count, instances.Select(i => i.SopInstanceUid).Distinct().Count());
        foreach (var i in instances)
        {
            var stream = await blobs.OpenReadAsync(i.BlobKey, CancellationToken.None).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer).ConfigureAwait(false);
            }

            byte[] bytes = buffer.ToArray();
            Assert.Equal(i.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(i.Size, bytes.LongLength);
            Assert.Equal(i.SopInstanceUid, DicomFile.Read(bytes).Dataset.GetString(DicomTags.SOPInstanceUID));
        }

        Assert.Equal(instances.Select(i => i.BlobKey).ToHashSet(StringComparer.Ordinal), await BlobKeysAsync(blobs).ConfigureAwait(false));
        foreach (var s in await db.Series.ToListAsync().ConfigureAwait(false))
        {
            Assert.Equal(instances.Count(i => i.SeriesId == s.Id), s.NumberOfInstances);
        }

        foreach (var s in await db.Studies.ToListAsync().ConfigureAwait(false))
        {
            Assert.Equal(instances.Count(i => i.StudyId == s.Id), s.NumberOfInstances);
        }

        var quarantine = await db.QuarantineEntries.ToListAsync().ConfigureAwait(false);
        Assert.Equal(quarantine.Count, quarantine.Select(q => (q.ContentHash, q.Reason)).Distinct().Count());
        var vaultIds = quarantine.Select(q => q.BlobKey!["vault:".Length..]).ToList();
        foreach (var (q, id) in quarantine.Zip(vaultIds))
        {
            var bytes = await vault.GetBytesAsync(id, CancellationToken.None).ConfigureAwait(false);
            Assert.NotNull(bytes);
            if (bytes.Length == 0)
            {
                // Nothing could be kept (empty, unreadable, too large): named by a keyed reference to its source instead.
                Assert.Matches("^[0-9a-f]{64}$", q.ContentHash);
                Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), q.ContentHash);
            }
            else
            {
                Assert.Equal(q.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }

        Assert.Equal(vaultIds.ToHashSet(StringComparer.Ordinal), vault.Ids().ToHashSet(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(root, "*" + InFlightWrites.TempSuffix, SearchOption.AllDirectories));
    }

    public static async Task<HashSet<string>> BlobKeysAsync(IBlobStore blobs)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in blobs.ListAsync("", CancellationToken.None).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        return keys;
    }
}
