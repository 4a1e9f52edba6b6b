using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Ricord.Catalog;
using Ricord.Clinical;
using Ricord.Deid;
using Ricord.Tests.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Clinical;

/// <summary>The importer against a real SQLite catalog (and PostgreSQL where the server is there) and an in-memory link table.</summary>
public sealed class ClinicalImporterTests
{
    private const string Site = TestCatalog.Site;
    private const string Collection = TestCatalog.Collection;

    [Fact]
    public Task Maps_MRNs_to_pseudonyms_and_shifts_dates_by_each_patients_offset() => MapsAndShifts(CatalogProvider.Sqlite);

    [PostgresFact]
    public Task Maps_MRNs_to_pseudonyms_and_shifts_dates_by_each_patients_offset_on_postgres() => MapsAndShifts(CatalogProvider.Postgres);

    [Fact]
    public Task Reimport_replaces_the_records_of_the_file_and_site() => Idempotent(CatalogProvider.Sqlite);

    [PostgresFact]
    public Task Reimport_replaces_the_records_of_the_file_and_site_on_postgres() => Idempotent(CatalogProvider.Postgres);

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_column_without_their_values()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        using var links = Links(out _);
        links.GetOrCreatePatient("RICORD-1B", Site, "MRN-2", DateShiftRange.Default);
        string csv = "MRN,Age,RT-PCR Date,Result\n" +
            "MRN-1,50,03/14/2020,DETECTED\n" +
            ",51,03/14/2020,DETECTED\n" +
            "UNKNOWN-7,52,03/14/2020,DETECTED\n" +
            "MRN-2,53,03/14/2020,DETECTED\n" +
            "MRN-1,54,someday,A01234567\n";
        var report = await Import(t, links, csv, collection: null);

        Assert.Equal(5, report.Rows);
        Assert.Equal(2, report.Stored);
        Assert.Equal([4], report.NotLinkedLines);
        Assert.Equal(
            ["row 3: MRN: MRN column empty", $"row 5: MRN: MRN is linked in 2 collections for site {Site}; pass --collection",
             "row 6: RT-PCR Date: not a date or time (expected M/d/yyyy or ISO 8601); value left out",
             "row 6: Result: looks like an identifier or phone number; value left out"],
            report.Issues.Select(i => i.ToString()));
        string messages = string.Join("\n", report.Issues);
        Assert.DoesNotContain("UNKNOWN-7", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("someday", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("A01234567", messages, StringComparison.Ordinal);

        // With the collection named, the MRN linked in two collections is no longer ambiguous.
        var named = await Import(t, links, csv, collection: Collection);
        Assert.Equal(3, named.Stored);
    }

    [Fact]
    public async Task A_sheet_of_several_sites_stores_each_row_for_the_site_that_links_its_MRN()
    {
        const string Other = "660042";
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        using var links = Links(out _);
        links.GetOrCreatePatient(Collection, Other, "MRN-3", DateShiftRange.Default);
        links.GetOrCreatePatient(Collection, Other, "MRN-2", DateShiftRange.Default);
        string csv = "MRN,Age\nMRN-1,50\nMRN-3,51\nMRN-9,52\nMRN-2,53\n";
        var report = await Import(t, links, csv, Collection, sites: [Site, Other]);

        Assert.Equal((4, 2, 2), (report.Rows, report.Stored, report.Patients));
        Assert.Equal([4], report.NotLinkedLines);
        Assert.Equal([$"row 5: MRN: MRN is linked at 2 sites ({Site}, {Other}); import the sheet for one site at a time"], report.Issues.Select(i => i.ToString()));
        await using (var db = t.Db())
        {
            var bySite = await db.ClinicalRecords.Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r.Line, p.SiteId, p.PseudonymousId })
                .Join(db.Sites, x => x.SiteId, s => s.Id, (x, s) => new { x.Line, s.Code, x.PseudonymousId }).OrderBy(x => x.Line).ToListAsync();
            Assert.Equal([(2, Site, links.GetOrCreatePseudonym(Collection, Site, "MRN-1")), (3, Other, links.GetOrCreatePseudonym(Collection, Other, "MRN-3"))],
                bySite.Select(x => (x.Line, x.Code, x.PseudonymousId)));
        }

        // Again for both sites: replaced; for one site only, the other site's row is not linked and its record is kept.
        Assert.Equal(2, (await Import(t, links, csv, Collection, sites: [Site, Other])).Replaced);
        var one = await Import(t, links, csv, Collection);
        Assert.Equal((2, 1, 2), (one.Stored, one.Replaced, one.NotLinkedLines.Count));
        Assert.Equal(3, await Count(t));
    }

    [Fact]
    public async Task Headers_tolerate_case_and_spaces_and_unknown_columns_are_kept_identifying_ones_dropped()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        using var links = Links(out _);
        string csv = "  anon   mrn ,Patient Name,AGE ,  Smoking  Status,Anon Exam Description,Phone,Anon Study UID\n" +
            "MRN-1,Doe^Jane,50,former,CHEST 1 VIEW for Jane Doe,555-0100,1.2.826.0.1.3680043.10.474.419639.1\n";
        var report = await Import(t, links, csv, Collection);
        Assert.Equal(1, report.Stored);
        Assert.Equal(
            [ClinicalColumnKind.Key, ClinicalColumnKind.Identifying, ClinicalColumnKind.Kept, ClinicalColumnKind.Kept, ClinicalColumnKind.Identifying, ClinicalColumnKind.Identifying, ClinicalColumnKind.Uid],
            report.Columns.Select(c => c.Kind));
        var values = await StoredValues(t);
        var row = Assert.Single(values);
        Assert.Equal(["AGE", "Smoking Status", "Anon Study UID"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("former", row.GetProperty("Smoking Status").GetString());
        string uid = row.GetProperty("Anon Study UID").GetString()!;
        Assert.Equal(new Deidentifier().RemapUid("1.2.826.0.1.3680043.10.474.419639.1", links), uid);
        string all = await AllStoredText(t);
        foreach (var phi in new[] { "MRN-1", "Doe", "Jane", "555-0100", "1.2.826.0.1.3680043.10.474.419639.1" })
        {
            Assert.DoesNotContain(phi, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_xlsx_with_a_space_before_its_extension_imports_like_csv()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        using var links = Links(out var offset);
        string path = Path.Combine(Path.GetTempPath(), $"ricord-{Guid.NewGuid():N} Clinical Data Jan 13 2021 .xlsx");
        try
        {
            MiniExcel.SaveAs(path, new[]
            {
                new Dictionary<string, object?> { ["Anon MRN"] = "MRN-1", ["Age"] = 84.84, ["Sex"] = "F", ["Anon TCIA Study Date"] = new DateTime(2020, 3, 15) },
                new Dictionary<string, object?> { ["Anon MRN"] = "NOPE", ["Age"] = 50, ["Sex"] = "M", ["Anon TCIA Study Date"] = new DateTime(2020, 3, 16) },
            }, sheetName: "CR Pos - TCIA Submission");
            var table = await ClinicalFileReader.ReadAsync(path, "CR Pos - TCIA Submission", CancellationToken.None);
            var report = await new ClinicalImporter(t.Catalog, links).ImportAsync(table,
                new ClinicalImportOptions { SiteCodes = [Site], Collection = Collection, SourceName = Path.GetFileName(path) }, CancellationToken.None);
            Assert.Equal(1, report.Stored);
            Assert.Equal([3], report.NotLinkedLines);
            var row = Assert.Single(await StoredValues(t));
            Assert.Equal("84.84", row.GetProperty("Age").GetString());
            Assert.Equal(new DateOnly(2020, 3, 15).AddDays(offset("MRN-1")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                row.GetProperty("Anon TCIA Study Date").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_sheet_without_an_MRN_column_is_refused_naming_its_headers()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        using var links = Links(out _);
        var ex = await Assert.ThrowsAsync<ClinicalDataException>(() => Import(t, links, "Age,Sex\n50,F\n", Collection));
        Assert.Contains("'Age'", ex.Message, StringComparison.Ordinal);
        var custom = await Import(t, links, "Hospital Number,Age\nMRN-1,50\n", Collection, keyColumn: " hospital  number");
        Assert.Equal(1, custom.Stored);
    }

    private static async Task MapsAndShifts(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        using var links = Links(out var offset);
        string csv = "MRN,Age,Sex,RT-PCR Date,Admission Time\r\nMRN-1,50,F,03/14/2020,14:05\r\nMRN-2,61,M,12/31/2020,\r\n";
        var report = await Import(t, links, csv, Collection);
        Assert.Equal((2, 2, 0), (report.Stored, report.Patients, report.Issues.Count));
        Assert.Equal("M/d/yyyy", report.DateFormat);

        await using var db = t.Db();
        var rows = await db.ClinicalRecords.Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { p.PseudonymousId, r.Values, r.Line, r.SourceFile })
            .OrderBy(x => x.Line).ToListAsync();
        Assert.Equal([links.GetOrCreatePseudonym(Collection, Site, "MRN-1"), links.GetOrCreatePseudonym(Collection, Site, "MRN-2")], rows.Select(r => r.PseudonymousId));
        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Equal("clinical.csv", r.SourceFile));
        var first = JsonDocument.Parse(rows[0].Values).RootElement;
        var second = JsonDocument.Parse(rows[1].Values).RootElement;
        Assert.Equal(Iso(new DateOnly(2020, 3, 14).AddDays(offset("MRN-1"))), first.GetProperty("RT-PCR Date").GetString());
        Assert.Equal(Iso(new DateOnly(2020, 12, 31).AddDays(offset("MRN-2"))), second.GetProperty("RT-PCR Date").GetString());
        Assert.NotEqual("14:05", first.GetProperty("Admission Time").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("Admission Time").ValueKind);
        Assert.Equal("50", first.GetProperty("Age").GetString());
        Assert.DoesNotContain("MRN-", await AllStoredText(t), StringComparison.Ordinal);
    }

    private static async Task Idempotent(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        using var links = Links(out _);
        string csv = "MRN,Age\nMRN-1,50\nMRN-2,61\n";
        await Import(t, links, csv, Collection);
        var again = await Import(t, links, csv, Collection);
        Assert.Equal((2, 2), (again.Stored, again.Replaced));
        Assert.Equal(2, await Count(t));

        // Another file adds; the same file changed replaces (the dropped row disappears).
        await Import(t, links, csv, Collection, source: "followup.csv");
        Assert.Equal(4, await Count(t));
        var changed = await Import(t, links, "MRN,Age\nMRN-1,51\n", Collection);
        Assert.Equal((1, 2), (changed.Stored, changed.Replaced));
        Assert.Equal(3, await Count(t));
        Assert.Contains(await StoredValues(t), v => v.GetProperty("Age").GetString() == "51");
    }

    /// <summary>A link table with MRN-1 and MRN-2 at the test site; <paramref name="offset"/> gives an MRN's date offset.</summary>
    private static InMemoryLinkTable Links(out Func<string, int> offset)
    {
        var links = new InMemoryLinkTable();
        links.GetOrCreatePatient(Collection, Site, "MRN-1", DateShiftRange.Default);
        links.GetOrCreatePatient(Collection, Site, "MRN-2", DateShiftRange.Default);
        offset = mrn => links.GetDateOffsetDays(Collection, Site, mrn);
        return links;
    }

    private static Task<ClinicalImportReport> Import(TestCatalog t, ILinkTable links, string csv, string? collection, string source = "clinical.csv",
        string? keyColumn = null, string[]? sites = null) =>
        new ClinicalImporter(t.Catalog, links).ImportAsync(ClinicalFileReader.Read(Encoding.UTF8.GetBytes(csv), null),
            new ClinicalImportOptions { SiteCodes = sites ?? [Site], Collection = collection, SourceName = source, KeyColumn = keyColumn }, CancellationToken.None);

    private static async Task<int> Count(TestCatalog t)
    {
        await using var db = t.Db();
        return await db.ClinicalRecords.CountAsync();
    }

    private static async Task<List<JsonElement>> StoredValues(TestCatalog t)
    {
        await using var db = t.Db();
        return [.. (await db.ClinicalRecords.OrderBy(r => r.Id).Select(r => r.Values).ToListAsync()).Select(v => JsonDocument.Parse(v).RootElement)];
    }

    private static async Task<string> AllStoredText(TestCatalog t)
    {
        await using var db = t.Db();
        var records = await db.ClinicalRecords.ToListAsync();
        var patients = await db.Patients.Select(p => p.PseudonymousId).ToListAsync();
        return string.Join("\n", records.Select(r => r.Values + r.SourceFile).Concat(patients));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
