using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

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
