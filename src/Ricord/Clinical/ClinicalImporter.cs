using Ricord.Catalog;
using Ricord.Deid;

namespace Ricord.Clinical;

/// <summary>
/// Imports a clinical sheet of one site, or of a release's several sites, into the catalog (docs/clinical.md). Each
/// row's MRN is looked up in the link table of each site — never created there, never stored — and the row is stored
/// for the one pseudonymous patient found, with
/// identifying columns dropped, dates shifted by the patient's offset and UIDs remapped, all as ingest does
/// for the images. A re-import of the same source for the same sites replaces their records in one transaction.
/// </summary>
public sealed partial class ClinicalImporter(DatabaseCatalog catalog, ILinkTable linkTable)
{
    private static readonly HashSet<string> MissingWords = new(["na", "n/a", "-", "unknown", "none", "null", "nan", "missing", "?"], StringComparer.OrdinalIgnoreCase);

    public async Task<ClinicalImportReport> ImportAsync(ClinicalTable table, ClinicalImportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SiteCodes.Count == 0 || options.SiteCodes.Distinct(StringComparer.Ordinal).Count() != options.SiteCodes.Count)
        {
            throw new ArgumentException("Name each site of the sheet once.", nameof(options));
        }

        foreach (string site in options.SiteCodes)
        {
            ValidateCode(site, "site");
        }

        if (options.Collection is { } c)
        {
            ValidateCode(c, "collection");
        }

        var report = new ClinicalImportReport { Rows = table.Rows.Count };
        var columns = Plan(table, options.KeyColumn);
        report.Columns.AddRange(columns);
        var key = columns.Single(x => x.Kind == ClinicalColumnKind.Key);
        var temporal = columns.Where(x => x.Kind == ClinicalColumnKind.Temporal).ToList();
        var dates = options.DateFormat is { } format ? ClinicalDates.WithFormat(format)
            : ClinicalDates.Detect([.. table.Rows.SelectMany(r => temporal.Select(t => Cell(r, t.Index))).OfType<string>().Where(v => !MissingWords.Contains(v))]);
        report.DateFormat = dates.Format;
        Func<string, string> uids = options.IdentifiersAsPublished ? uid => uid : new UidRemapper(options.UidRoot, linkTable.GetKey()).Remap;
        var published = options.IdentifiersAsPublished ? (await PublishedPatientsAsync(options, ct).ConfigureAwait(false)).ToLookup(p => p.Link.Pseudonym, StringComparer.Ordinal) : null;

        var accepted = new List<PreparedRecord>();
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            string? mrn = Cell(row, key.Index);
            if (mrn is null)
            {
                report.Issues.Add(new ClinicalIssue(row.Line, key.Name, "MRN column empty", RowSkipped: true));
                continue;
            }

            var links = published is not null ? published[mrn].ToList()
                : options.SiteCodes.SelectMany(site => linkTable.FindPatient(site, mrn, options.Collection).Select(l => (Site: site, l.Collection, l.Link))).ToList();
            if (links.Count == 0)
            {
                report.NotLinkedLines.Add(row.Line);
                continue;
            }

            if (links.Count > 1)
            {
                var sites = links.Select(l => l.Site).Distinct(StringComparer.Ordinal).ToList();
                report.Issues.Add(new ClinicalIssue(row.Line, key.Name, sites.Count > 1
                    ? $"MRN is linked at {sites.Count} sites ({string.Join(", ", sites)}); import the sheet for one site at a time"
                    : $"MRN is linked in {links.Count} collections for site {sites[0]}; pass --collection", RowSkipped: true));
                continue;
            }

            var (siteCode, collection, link) = links[0];
            string json = Values(row, columns, mrn, link.DateOffsetDays, dates, uids, report);
            accepted.Add(new PreparedRecord(siteCode, collection, link.Pseudonym, row.Line, json));
        }

        await StoreAsync(accepted, options, report, ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>Names each column (unique, whitespace collapsed; "Column N" when blank) and decides its kind.</summary>
    private static List<ClinicalColumn> Plan(ClinicalTable table, string? keyColumn)
    {
        var names = new List<string>();
        for (int i = 0; i < table.Columns.Count; i++)
        {
            string name = ClinicalHeader.Display(table.Columns[i]);
            name = name.Length == 0 ? $"Column {i + 1}" : name;
            string unique = name;
            for (int n = 2; names.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
            {
                unique = $"{name} ({n})";
            }

            names.Add(unique);
        }

        int keyIndex = keyColumn is not null
            ? names.FindIndex(n => ClinicalHeader.Matches(n, keyColumn))
            : ClinicalHeader.KeyNames.Select(k => names.FindIndex(n => ClinicalHeader.Key(n) == k)).FirstOrDefault(i => i >= 0, -1);
        if (keyIndex < 0)
        {
            throw new ClinicalDataException(keyColumn is not null
                ? $"No column is headed '{keyColumn}' (headers are compared ignoring case, spaces and punctuation)."
                : $"No MRN column: expected a header such as MRN, Anon MRN, Patient ID or Medical Record Number (or pass --mrn-column). Headers: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        }

        var columns = new List<ClinicalColumn>();
        for (int i = 0; i < names.Count; i++)
        {
            int index = i;
            var kind = i == keyIndex ? ClinicalColumnKind.Key : ClinicalColumnRules.Classify(names[i], table.Rows.Select(r => Cell(r, index)));
            columns.Add(new ClinicalColumn(i, names[i], kind, kind == ClinicalColumnKind.Identifying ? ClinicalColumnRules.IdentifyingReason(names[i]) : null));
        }

        return columns;
    }

    private static string? Cell(ClinicalRow row, int index) =>
        index < row.Cells.Count && row.Cells[index] is { } v && v.Trim() is { Length: > 0 } t ? t : null;

    private static void ValidateCode(string code, string what)
    {
        try
        {
            LinkTableRules.ValidateCode(code, what);
        }
        catch (DeidentificationException ex)
        {
            throw new ArgumentException(ex.Message, what, ex);
        }
    }

    private sealed record PreparedRecord(string Site, string Collection, string Pseudonym, int Line, string Values);
}
