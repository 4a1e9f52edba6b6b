using Microsoft.EntityFrameworkCore;
using Ricord.Storage;

using Ricord.Catalog;

namespace Ricord.Withdrawal;

/// <summary>
/// Withdraws studies and series from a collection (TCIA's withdrawn list, a site that takes data back): their rows of
/// study, series and instance, the reads on a withdrawn study (and their versions and drawings), the drawings on a
/// withdrawn series of a study that stays, and their blobs. Each study is one transaction with its audit event; the
/// blobs go after it commits (see <see cref="WithdrawStudyAsync"/>). What is not listed is never touched: not the
/// patient and its clinical record, not another collection's rows, not a blob another instance has the content of.
/// Idempotent: what is gone is counted as not found, and a second run removes nothing. Every export reads the catalog, so
/// a release build, consensus and agreement made after it leave the withdrawn data out.
/// </summary>
public sealed partial class CatalogWithdrawalService
{
    private const int QueryChunk = 500;

    private readonly DatabaseCatalog _catalog;
    private readonly IBlobStore _blobs;

    public CatalogWithdrawalService(DatabaseCatalog catalog, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(blobs);
        _catalog = catalog;
        _blobs = blobs;
    }

    /// <summary>
    /// Removes every study and series of <paramref name="collection"/> whose Study or Series Instance UID is in
    /// <paramref name="uids"/> (UIDs as the catalog has them). A listed series whose study has no other series removes the
    /// study. Returns what was removed, summed over the studies.
    /// </summary>
    public async Task<CatalogWithdrawal> WithdrawAsync(Actor actor, string collection, IReadOnlyCollection<string> uids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentNullException.ThrowIfNull(uids);
        var (targets, found) = await FindAsync(collection, uids, ct).ConfigureAwait(false);
        var result = CatalogWithdrawal.None with { NotFound = uids.Distinct(StringComparer.Ordinal).Count() - found };
        foreach (var target in targets.OrderBy(t => t.StudyInstanceUid, StringComparer.Ordinal))
        {
            result = result.Add(await WithdrawStudyAsync(actor, collection, target, ct).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>The listed studies and series of the collection, by study; and how many listed UIDs name one.</summary>
    private async Task<(List<Target> Targets, int Found)> FindAsync(string collection, IReadOnlyCollection<string> uids, CancellationToken ct)
    {
        var db = _catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var id = await db.Collections.AsNoTracking().Where(c => c.Name == collection).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var targets = new Dictionary<long, Target>();
            var found = new HashSet<string>(StringComparer.Ordinal);
            if (id is not { } collectionId)
            {
                return ([], 0);
            }

            foreach (var chunk in uids.Distinct(StringComparer.Ordinal).Chunk(QueryChunk))
            {
                foreach (var s in await db.Studies.AsNoTracking().Where(s => s.CollectionId == collectionId && chunk.Contains(s.StudyInstanceUid))
                    .Select(s => new { s.Id, s.StudyInstanceUid }).ToListAsync(ct).ConfigureAwait(false))
                {
                    targets[s.Id] = new Target(s.Id, s.StudyInstanceUid, true, []);
                    found.Add(s.StudyInstanceUid);
                }

                foreach (var x in await db.Series.AsNoTracking().Where(x => x.CollectionId == collectionId && chunk.Contains(x.SeriesInstanceUid))
                    .Select(x => new { x.StudyId, x.SeriesInstanceUid, Study = x.Study!.StudyInstanceUid }).ToListAsync(ct).ConfigureAwait(false))
                {
                    var t = targets.TryGetValue(x.StudyId, out var known) ? known : targets[x.StudyId] = new Target(x.StudyId, x.Study, false, []);
                    t.Series.Add(x.SeriesInstanceUid);
                    found.Add(x.SeriesInstanceUid);
                }
            }

            return ([.. targets.Values], found.Count);
        }
    }

    /// <summary>One study of the list: all of it (<see cref="WholeStudy"/>), or the listed series of it.</summary>
    private sealed record Target(long StudyId, string StudyInstanceUid, bool WholeStudy, HashSet<string> Series);
}
