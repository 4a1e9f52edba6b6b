using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Deid;

namespace Ricord.Clinical;

/// <summary>Storing: patients found (or created, when the link table knows them but no instance was indexed yet),
/// then the source's earlier records for these sites deleted and the new ones added, in one transaction.</summary>
public sealed partial class ClinicalImporter
{
    private async Task StoreAsync(List<PreparedRecord> records, ClinicalImportOptions options, ClinicalImportReport report, CancellationToken ct)
    {
        var siteIdsByCode = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string site in options.SiteCodes)
        {
            siteIdsByCode[site] = await catalog.EnsureSiteAsync(site, site, ct).ConfigureAwait(false);
        }

        var siteIds = siteIdsByCode.Values.ToList();

        var patientIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in records.GroupBy(r => (r.Site, r.Collection, r.Pseudonym)))
        {
            long siteId = siteIdsByCode[group.Key.Site];
            long collectionId = await catalog.EnsureCollectionAsync(group.Key.Collection, null, ct).ConfigureAwait(false);
            patientIds[group.Key.Pseudonym] = await PatientIdAsync(collectionId, siteId, group.Key.Pseudonym, ct).ConfigureAwait(false);
        }

        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                report.Replaced = await db.ClinicalRecords
                    .Where(r => r.SourceFile == options.SourceName && db.Patients.Any(p => p.Id == r.PatientId && siteIds.Contains(p.SiteId)))
                    .ExecuteDeleteAsync(ct).ConfigureAwait(false);
                db.ClinicalRecords.AddRange(records.Select(r => new ClinicalRecord
                {
                    PatientId = patientIds[r.Pseudonym],
                    Values = r.Values,
                    SourceFile = options.SourceName,
                    Line = r.Line,
                }));
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }

        report.Stored = records.Count;
        report.Patients = patientIds.Count;
    }

    /// <summary>The catalog's patients of the options' sites (and collection), each as its own link: the published
    /// PatientID is the pseudonym, no date offset (<see cref="ClinicalImportOptions.IdentifiersAsPublished"/>).</summary>
    private async Task<List<(string Site, string Collection, PatientLink Link)>> PublishedPatientsAsync(ClinicalImportOptions options, CancellationToken ct)
    {
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var sites = options.SiteCodes.ToList();
            var rows = await db.Patients.AsNoTracking()
                .Join(db.Sites, p => p.SiteId, s => s.Id, (p, s) => new { p.PseudonymousId, p.CollectionId, Site = s.Code })
                .Join(db.Collections, p => p.CollectionId, c => c.Id, (p, c) => new { p.PseudonymousId, p.Site, Collection = c.Name })
                .Where(p => sites.Contains(p.Site) && (options.Collection == null || p.Collection == options.Collection))
                .ToListAsync(ct).ConfigureAwait(false);
            return [.. rows.Select(r => (r.Site, r.Collection, new PatientLink(r.PseudonymousId, 0)))];
        }
    }

    private async Task<long> PatientIdAsync(long collectionId, long siteId, string pseudonym, CancellationToken ct)
    {
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var existing = await db.Patients.Where(p => p.CollectionId == collectionId && p.PseudonymousId == pseudonym)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (existing is { } id)
            {
                return id;
            }

            var patient = new Patient { CollectionId = collectionId, SiteId = siteId, PseudonymousId = pseudonym, CreatedAt = DateTime.UtcNow };
            db.Patients.Add(patient);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return patient.Id;
            }
            catch (DbUpdateException)
            {
                // An ingest created the same patient meanwhile.
                db.ChangeTracker.Clear();
                return await db.Patients.Where(p => p.CollectionId == collectionId && p.PseudonymousId == pseudonym)
                    .Select(p => p.Id).FirstAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
