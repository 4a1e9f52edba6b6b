using System.Globalization;
using Ricord.Cli.Tests.Commands;
using Ricord.Dicom;
using Ricord.Synth;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// `import-ricord --clinical` with a release of two sites: a published release has one clinical sheet for all its sites,
/// so every row is linked by one of them and the run is complete (exit 0), not "not linked" for the other site's rows.
/// </summary>
public sealed class ImportRicordSitesTests
{
    private const string Release = "MIDRC-RICORD-1A";
    private static readonly string[] Sites = ["419639", "660042"];

    [Fact]
    public void One_clinical_sheet_of_a_two_site_release_links_every_row()
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
        string sheet = Path.Combine(release.NewFolder("clinical"), "MIDRC-RICORD-1A Clinical Data.csv");
        File.WriteAllLines(sheet, ["Anon MRN" + File.ReadLines(SiteSheet(release, Sites[0])).First()[3..], .. Sites.SelectMany(site => CtRows(release, site, mrn => published[(site, mrn)]))]);
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

        // Again: the same records, replaced in one import for both sites.
        (code, output, error) = InProcessCli.Run("import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", Release,
            "--clinical", sheet, "--as", "cur", "--data", data);
        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains($"{patients} records stored for {patients} patients ({patients} earlier records replaced)", output, StringComparison.Ordinal);
    }

    private static string SiteSheet(SynthRelease release, string site) => Path.Combine(release.Out, "sites", site, "clinical.csv");

    /// <summary>The site's CT rows keyed by the published PatientID, dates in ISO form as one sheet of several sites has them.</summary>
    private static IEnumerable<string> CtRows(SynthRelease release, string site, Func<string, string> published) =>
        File.ReadLines(SiteSheet(release, site)).Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "CT").Select(c =>
            string.Join(',', c.Select((v, i) => i == 0 ? published(v)
                : i is 5 or 6 ? DateOnly.ParseExact(v, SynthGenerator.ClinicalDateFormat(site)!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : v)));
}
