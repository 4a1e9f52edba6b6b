using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    /// <summary>The largest page a search returns; a larger limit is cut to it.</summary>
    public const int MaxLimit = 5000;

    private async Task<long> CollectionIdAsync(CatalogDbContext db, string name, CancellationToken ct) =>
        await CollectionIdAsync(await CatalogCommand.ConnectionAsync(db, ct).ConfigureAwait(false), name, ct).ConfigureAwait(false);

    private async Task<long> SiteIdAsync(CatalogDbContext db, string code, CancellationToken ct) =>
        await SiteIdAsync(await CatalogCommand.ConnectionAsync(db, ct).ConfigureAwait(false), code, ct).ConfigureAwait(false);

    /// <summary>One SQL query per page: filters, keyset on (StudyDate desc, Id desc), names joined in.</summary>
    private async Task<CatalogPage<StudyResult>> QueryStudiesAsync(StudyQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var q = db.Studies.AsQueryable();
            if (query.Collection is not null)
            {
                var id = await CollectionIdAsync(db, query.Collection, ct).ConfigureAwait(false);
                q = q.Where(s => s.CollectionId == id);
            }

            if (query.SiteCode is not null)
            {
                var id = await SiteIdAsync(db, query.SiteCode, ct).ConfigureAwait(false);
                q = q.Where(s => s.SiteId == id);
            }

            q = StudyFilters.Apply(db, q, query);
            if (query.After is not null)
            {
                var (date, id) = KeysetCursor.ParseStudy(query.After);
                q = q.Where(s => s.StudyDate <= date && (s.StudyDate < date || s.Id < id));
            }

            var rows = await q
                .OrderByDescending(s => s.StudyDate).ThenByDescending(s => s.Id)
                .Take(limit + 1)
                .Select(s => new
                {
                    s.Id,
                    Collection = db.Collections.Where(c => c.Id == s.CollectionId).Select(c => c.Name).First(),
                    Site = db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Code).First(),
                    // Scalar subqueries, not joins: a join lets the planner drive the query from Patients.
                    PatientId = db.Patients.Where(p => p.Id == s.PatientId).Select(p => p.PseudonymousId).First(),
                    s.StudyInstanceUid,
                    s.StudyDate,
                    s.StudyTime,
                    s.AccessionNumber,
                    s.StudyDescription,
                    s.ModalitiesInStudy,
                    s.NumberOfSeries,
                    s.NumberOfInstances,
                })
                .ToListAsync(ct).ConfigureAwait(false);

            var items = rows.Take(limit).Select(s => new StudyResult(
                s.Id, s.Collection, s.Site, s.PatientId, s.StudyInstanceUid,
                s.StudyDate == DateOnly.MinValue ? null : s.StudyDate, s.StudyTime, s.AccessionNumber,
                s.StudyDescription, s.ModalitiesInStudy, s.NumberOfSeries, s.NumberOfInstances)).ToList();
            var next = rows.Count > limit ? KeysetCursor.ForStudy(rows[limit - 1].StudyDate, rows[limit - 1].Id) : null;
            return new CatalogPage<StudyResult>(items, next);
        }
    }

    private async Task<CatalogPage<SeriesResult>> QuerySeriesAsync(SeriesQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var q = db.Series.Where(s => s.StudyId == query.StudyId);
            if (query.Modality is not null)
            {
                q = q.Where(s => s.Modality == query.Modality);
            }

            if (query.After is not null)
            {
                var after = KeysetCursor.ParseId(query.After);
                q = q.Where(s => s.Id > after);
            }

            var rows = await q.OrderBy(s => s.Id).Take(limit + 1)
                .Select(s => new SeriesResult(s.Id, s.StudyId, s.SeriesInstanceUid, s.Modality, s.SeriesNumber,
                    s.SeriesDescription, s.BodyPartExamined, s.NumberOfInstances, s.MetadataBlobKey))
                .ToListAsync(ct).ConfigureAwait(false);
            return Page(rows, limit, r => r.Id);
        }
    }

    private async Task<CatalogPage<InstanceResult>> QueryInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var q = db.Instances.Where(i => i.StudyId == query.StudyId);
            if (query.SeriesId is { } seriesId)
            {
                q = q.Where(i => i.SeriesId == seriesId);
            }

            if (query.After is not null)
            {
                var after = KeysetCursor.ParseId(query.After);
                q = q.Where(i => i.Id > after);
            }

            var rows = await q.OrderBy(i => i.Id).Take(limit + 1)
                .Select(i => new InstanceResult(i.Id, i.SeriesId, i.SopInstanceUid, i.SopClassUid, i.InstanceNumber,
                    i.TransferSyntaxUid, i.BlobKey, i.Size, i.ContentHash, i.Rows, i.Columns, i.NumberOfFrames, i.ImagePositionZ))
                .ToListAsync(ct).ConfigureAwait(false);
            return Page(rows, limit, r => r.Id);
        }
    }

    private static CatalogPage<T> Page<T>(List<T> rows, int limit, Func<T, long> id) =>
        new(rows.Take(limit).ToList(), rows.Count > limit ? KeysetCursor.ForId(id(rows[limit - 1])) : null);
}
