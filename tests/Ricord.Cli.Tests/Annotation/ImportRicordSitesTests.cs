using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Ricord.Catalog;
using Ricord.Cli.Tests.Commands;
using Ricord.Dicom;
using Ricord.Hosting;
using Ricord.Synth;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// `import-ricord --clinical` with a release of two sites: a published release has one clinical sheet for all its sites,
/// so every row is linked by one of them and the run is complete (exit 0), not "not linked" for the other site's rows; the
/// sheet as CSV and as XLSX (dates and numbers as spreadsheet cells) store the same values.
/// </summary>
public sealed class ImportRicordSitesTests
{
    private const string Release = "MIDRC-RICORD-1A";
    private static readonly string[] Sites = ["419639", "660042"];

    [Fact]
    public async Task One_clinical_sheet_of_a_two_site_release_links_every_row_from_csv_and_from_xlsx_alike()
    {
        using var release = SynthRelease.Synthesize("--seed", "5", "--sites", "2", "--ct-patients", "4", "--cxr-patients", "0", "--slices", "12",
            "--reader-accuracy", "1");
        var studies = release.CtStudies.Select(s => (Site: s.GetProperty("site").GetString()!, Mrn: s.GetProperty("patientId").GetString()!, Study: s)).ToList();
        Assert.Equal(Sites, studies.Select(s => s.Site).Distinct().Order(StringComparer.Ordinal));
        var published = studies.Select(s => (s.Site, s.Mrn)).Distinct().GroupBy(p => p.Site)
            .SelectMany(g => g.Select((p, i) => (p, Id: FormattableString.Invariant($"{Release}-{p.Site}-{i + 1:D6}")))).ToDictionary(x => x.p, x => x.Id);

        // As published: PatientID MIDRC-RICORD-1A-<site>-<n> (import-ricord tells the sites apart by it; the sheet keys on it), TCIA's folders, one sheet.
        string staged = release.NewFolder("staged"), images = release.NewFolder("tcia");
        var staging = new List<string>();
        foreach (var (site, mrn, study) in studies)
        {
            foreach (string file in release.CtFiles.Where(f => study.GetProperty("series").EnumerateArray()
                .Any(s => s.GetProperty("files").EnumerateArray().Any(x => Path.Combine(release.Out, x.GetString()!) == f))))
            {
                var dicom = DicomFile.Open(file);
                dicom.Dataset.SetString(DicomTags.PatientID, DicomVR.LO, published[(site, mrn)]);
                string path = Path.Combine(staged, staging.Count.ToString(CultureInfo.InvariantCulture) + ".dcm");
                dicom.Save(path);
                staging.Add(path);
            }
        }

        ReleaseLayouts.Tcia(staging, images);
        string folder = release.NewFolder("clinical");
        string sheet = Path.Combine(folder, "MIDRC-RICORD-1A Clinical Data.csv");
        string[] header = ("Anon MRN" + File.ReadLines(SiteSheet(release, Sites[0])).First()[3..]).Split(',');
        var rows = Sites.SelectMany(site => CtRows(release, site, mrn => published[(site, mrn)])).ToList();
        File.WriteAllLines(sheet, [string.Join(',', header), .. rows]);
        // The same sheet as XLSX, as TCIA also publishes it: dates as Excel dates, numbers as numbers, on a named sheet.
        string workbook = Path.Combine(folder, "MIDRC-RICORD-1A Clinical Data Jan 13 2021 .xlsx");
        MiniExcel.SaveAs(workbook, rows.Select(r => header.Zip(r.Split(','), (h, v) => (h, Cell(v))).ToDictionary(x => x.h, x => x.Item2)).ToList(),
            sheetName: "CT - TCIA Submission");
        int patients = studies.Select(s => (s.Site, s.Mrn)).Distinct().Count();

        string data = release.NewFolder("data");
        var (code, output, error) = InProcessCli.Run("import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", Release,
            "--clinical", sheet, "--as", "cur", "--data", data);
        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains($"sites {string.Join(", ", Sites)}: {patients} rows, {patients} records stored for {patients} patients", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not in the link table", output, StringComparison.Ordinal);
        Assert.Contains("import-ricord: complete", output, StringComparison.Ordinal);
        Assert.All(studies, s =>
        {
            Assert.DoesNotContain(s.Mrn, output + error, StringComparison.Ordinal);
            Assert.DoesNotContain(published[(s.Site, s.Mrn)], output + error, StringComparison.Ordinal);
        });
        var fromCsv = await StoredAsync(data);
        Assert.Equal(patients, fromCsv.Count);

        // Again: the same records, replaced in one import for both sites.
        (code, output, error) = InProcessCli.Run("import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", Release,
            "--clinical", sheet, "--as", "cur", "--data", data);
        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains($"{patients} records stored for {patients} patients ({patients} earlier records replaced)", output, StringComparison.Ordinal);

        // The XLSX into a fresh catalog: every row linked, and the same values stored for the same published patients as from the CSV.
        string xlsxData = release.NewFolder("data-xlsx");
        (code, output, error) = InProcessCli.Run("import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", Release,
            "--clinical", workbook, "--as", "cur", "--data", xlsxData);
        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains($"sites {string.Join(", ", Sites)}: {patients} rows, {patients} records stored for {patients} patients", output, StringComparison.Ordinal);
        Assert.Equal(fromCsv, await StoredAsync(xlsxData));
    }

    /// <summary>A CSV cell as a spreadsheet holds it: an ISO date as a date, a number as a number, else text.</summary>
    private static object Cell(string v) =>
        DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && v.Trim().Length > 0 && !v.StartsWith('0') ? x
        : v;

    /// <summary>Published PatientID → the stored clinical values (each column's value as text).</summary>
    private static async Task<Dictionary<string, Dictionary<string, string?>>> StoredAsync(string data)
    {
        using var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data });
        await using var db = dir.Catalog.CreateContext();
        var records = await db.ClinicalRecords.Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { p.PseudonymousId, r.Values }).ToListAsync();
        return records.ToDictionary(r => r.PseudonymousId, r => JsonDocument.Parse(r.Values).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
    }

    private static string SiteSheet(SynthRelease release, string site) => Path.Combine(release.Out, "sites", site, "clinical.csv");

    /// <summary>The site's CT rows keyed by the published PatientID, dates in ISO form as one sheet of several sites has them.</summary>
    private static IEnumerable<string> CtRows(SynthRelease release, string site, Func<string, string> published) =>
        File.ReadLines(SiteSheet(release, site)).Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "CT").Select(c =>
            string.Join(',', c.Select((v, i) => i == 0 ? published(v)
                : i is 5 or 6 ? DateOnly.ParseExact(v, SynthGenerator.ClinicalDateFormat(site)!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : v)));
}
