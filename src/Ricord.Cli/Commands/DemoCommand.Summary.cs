using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ricord.Hosting;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class DemoCommand
{
    /// <summary>Step 4: the catalog by site and modality, the clinical records per site and the quarantine by reason.</summary>
    private static async Task WriteCatalogSummaryAsync(RicordDataDirectory dataDir, IAnsiConsole console, CancellationToken token)
    {
        await using var db = dataDir.Catalog.CreateContext();
        // A demo-sized summary: project the rows, aggregate in memory.
        var rows = await db.Instances.AsNoTracking()
            .Join(db.Series, i => i.SeriesId, s => s.Id, (i, s) => new { i.StudyId, i.Size, s.Modality })
            .Join(db.Studies, x => x.StudyId, st => st.Id, (x, st) => new { x.Modality, x.Size, x.StudyId, st.PatientId, st.SiteId })
            .Join(db.Sites, x => x.SiteId, site => site.Id, (x, site) => new { Site = site.Code, x.Modality, x.PatientId, x.StudyId, x.Size })
            .ToListAsync(token).ConfigureAwait(false);
        var bySite = rows.GroupBy(x => (x.Site, x.Modality))
            .Select(g => new { g.Key.Site, g.Key.Modality, Patients = g.Select(x => x.PatientId).Distinct().Count(), Studies = g.Select(x => x.StudyId).Distinct().Count(), Instances = g.Count(), Bytes = g.Sum(x => x.Size) })
            .ToList();
        var table = new Table().AddColumns("site", "modality", "patients", "studies", "instances", "MB");
        foreach (var r in bySite.OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.Modality, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(r.Site), Markup.Escape(r.Modality), Str(r.Patients), Str(r.Studies), Str(r.Instances), (r.Bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var clinical = await db.ClinicalRecords.AsNoTracking()
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { p.SiteId, r.PatientId })
            .Join(db.Sites, x => x.SiteId, site => site.Id, (x, site) => new { Site = site.Code, x.PatientId })
            .ToListAsync(token).ConfigureAwait(false);
        var clinicalTable = new Table().AddColumns("site", "clinical records", "patients");
        foreach (var g in clinical.GroupBy(x => x.Site).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            clinicalTable.AddRow(Markup.Escape(g.Key), Str(g.Count()), Str(g.Select(x => x.PatientId).Distinct().Count()));
        }

        console.Write(clinicalTable);
        var quarantine = await db.QuarantineEntries.AsNoTracking().GroupBy(q => q.Reason).Select(g => new { g.Key, N = g.Count() }).ToListAsync(token).ConfigureAwait(false);
        var qt = new Table().AddColumns("quarantine reason", "entries");
        foreach (var q in quarantine.OrderBy(q => q.Key))
        {
            qt.AddRow(q.Key.ToString(), Str(q.N));
        }

        console.Write(qt);
    }
}
