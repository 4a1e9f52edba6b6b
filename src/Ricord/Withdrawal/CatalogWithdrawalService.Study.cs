using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Catalog;

namespace Ricord.Withdrawal;

public sealed partial class CatalogWithdrawalService
{
    /// <summary>
    /// One study in one transaction: under the content locks of its instances' blobs (PostgreSQL; SQLite's write
    /// transaction admits one writer), it records an intent for each blob, deletes the rows (reads and their versions,
    /// project membership, instances, series, the study; or for some series of it, their instances and the drawings on
    /// them as a new read version, and the study's counters), audits, and commits. Then each blob is deleted unless an
    /// instance row anywhere has its content or another writer's intent names it, and its intent goes
    /// (<see cref="DatabaseCatalog.DiscardBlobIntentAsync"/>). A crash between the commit and the deletes leaves the
    /// intents of a process that no longer runs: the next ingest's start-up sweep deletes those blobs the same way.
    /// </summary>
    private async Task<CatalogWithdrawal> WithdrawStudyAsync(Actor actor, string collection, Target target, CancellationToken ct)
    {
        CatalogWithdrawal removed;
        List<(string Key, string Hash)> blobs;
        List<string> metadata;
        var db = _catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var series = await db.Series.Where(s => s.StudyId == target.StudyId)
                    .Select(s => new { s.Id, s.SeriesInstanceUid, s.Modality, s.MetadataBlobKey }).ToListAsync(ct).ConfigureAwait(false);
                var gone = series.Where(s => target.WholeStudy || target.Series.Contains(s.SeriesInstanceUid)).ToList();
                bool whole = gone.Count == series.Count;
                if (gone.Count == 0)
                {
                    return CatalogWithdrawal.None; // another run removed it since it was found
                }

                var ids = gone.Select(s => s.Id).ToList();
                var instances = await db.Instances.Where(i => ids.Contains(i.SeriesId)).Select(i => new { i.BlobKey, i.ContentHash }).ToListAsync(ct).ConfigureAwait(false);
                blobs = [.. instances.Select(i => (i.BlobKey, i.ContentHash.Trim().ToLowerInvariant())).Distinct().OrderBy(b => b.Item2, StringComparer.Ordinal)];
                metadata = [.. gone.Select(s => s.MetadataBlobKey).OfType<string>()];
                await _catalog.LockContentAsync(db, [.. blobs.Select(b => b.Hash).Distinct(StringComparer.Ordinal)], ct).ConfigureAwait(false);
                var writer = BlobWriter.Current;
                var now = DateTime.UtcNow;
                db.BlobIntents.AddRange(blobs.Select(b => new BlobIntent
                {
                    BlobKey = b.Key, ContentHash = b.Hash, Host = writer.Host, ProcessId = writer.ProcessId, ProcessStartedAt = writer.StartedAt, CreatedAt = now,
                }));
                await db.SaveChangesAsync(ct).ConfigureAwait(false);

                int reads = 0, edited = 0;
                if (whole)
                {
                    reads = await RemoveReadsAsync(db, target.StudyId, ct).ConfigureAwait(false);
                }
                else
                {
                    edited = await RemoveDrawingsAsync(db, actor, target.StudyId, gone.Select(s => s.SeriesInstanceUid).ToHashSet(StringComparer.Ordinal), now, ct).ConfigureAwait(false);
                }

                await db.Instances.Where(i => ids.Contains(i.SeriesId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await db.Series.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                if (whole)
                {
                    await db.ProjectStudies.Where(p => p.StudyId == target.StudyId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    await db.Studies.Where(s => s.Id == target.StudyId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                }
                else
                {
                    var modalities = series.Except(gone).Select(s => s.Modality).Distinct(StringComparer.Ordinal).ToList();
                    var study = await db.Studies.AsTracking().FirstAsync(s => s.Id == target.StudyId, ct).ConfigureAwait(false);
                    study.ModalitiesInStudy = string.Join('\\', study.ModalitiesInStudy.Split('\\').Where(modalities.Contains));
                    study.NumberOfSeries -= gone.Count;
                    study.NumberOfInstances -= instances.Count;
                }

                removed = new CatalogWithdrawal(whole ? 1 : 0, gone.Count, instances.Count, reads, edited, 0, 0);
                db.AuditEvents.Add(new AuditEvent
                {
                    At = now, Actor = actor.User, Action = "withdraw",
                    Target = whole ? $"study {target.StudyInstanceUid} of {collection}" : $"series {string.Join(' ', gone.Select(s => s.SeriesInstanceUid))} of {collection}",
                    Detail = string.Create(CultureInfo.InvariantCulture, $"{gone.Count} series, {instances.Count} instances, {reads} reads removed, {edited} reads' drawings removed"),
                });
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }

        int deleted = 0;
        foreach (var (key, hash) in blobs)
        {
            await _catalog.DiscardBlobIntentAsync(BlobWriter.Current, key, hash, async (k, c) => deleted += await _blobs.DeleteAsync(k, c).ConfigureAwait(false) ? 1 : 0, ct).ConfigureAwait(false);
        }

        foreach (var key in metadata)
        {
            // A series' cached metadata is its own (named by the series, rebuilt on demand): nothing else refers to it.
            await _blobs.DeleteAsync(key, ct).ConfigureAwait(false);
        }

        return removed with { Blobs = deleted };
    }

    /// <summary>Every read of the study in every project, with its versions, and the shapes payloads nothing else refers to.</summary>
    private static async Task<int> RemoveReadsAsync(CatalogDbContext db, long studyId, CancellationToken ct)
    {
        var reads = await db.Reads.Where(r => r.StudyId == studyId).Select(r => new { r.Id, r.ShapesHash }).ToListAsync(ct).ConfigureAwait(false);
        var ids = reads.Select(r => r.Id).ToList();
        var hashes = await db.ReadVersions.Where(v => ids.Contains(v.ReadId) && v.ShapesHash != null).Select(v => v.ShapesHash!).Distinct().ToListAsync(ct).ConfigureAwait(false);
        hashes = [.. hashes.Concat(reads.Select(r => r.ShapesHash).OfType<string>()).Distinct(StringComparer.Ordinal)];
        await db.ReadVersions.Where(v => ids.Contains(v.ReadId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Reads.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        foreach (var chunk in hashes.Chunk(QueryChunk))
        {
            await db.ReadPayloads.Where(p => chunk.Contains(p.Hash) && !db.Reads.Any(r => r.ShapesHash == p.Hash) && !db.ReadVersions.Any(v => v.ShapesHash == p.Hash))
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }

        return reads.Count;
    }

    /// <summary>Takes the drawings on the withdrawn series out of every read of the study: a new version of the read, saved by
    /// the actor, in the state it was; the labels stay. Returns how many reads changed.</summary>
    private static async Task<int> RemoveDrawingsAsync(CatalogDbContext db, Actor actor, long studyId, HashSet<string> series, DateTime now, CancellationToken ct)
    {
        int edited = 0;
        foreach (var read in await db.Reads.AsTracking().Where(r => r.StudyId == studyId && r.ShapesHash != null).ToListAsync(ct).ConfigureAwait(false))
        {
            var content = await ReadStorage.LoadAsync(db, read.LabelsJson, read.ShapesHash, withShapes: true, ct).ConfigureAwait(false);
            var kept = content.Shapes.Where(s => !series.Contains(s.SeriesInstanceUid)).ToList();
            if (kept.Count == content.Shapes.Count)
            {
                continue;
            }

            var payload = ReadStorage.Encode(kept);
            if (payload is not null)
            {
                await ReadStorage.StoreAsync(db, payload, ct).ConfigureAwait(false);
            }

            read.ShapesHash = payload?.Hash;
            read.Version++;
            read.UpdatedAt = now;
            db.ReadVersions.Add(new ReadVersion
            {
                ReadId = read.Id, Version = read.Version, State = read.State, LabelsJson = read.LabelsJson, ShapesHash = read.ShapesHash, SavedAt = now, SavedBy = actor.User,
            });
            edited++;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return edited;
    }
}
