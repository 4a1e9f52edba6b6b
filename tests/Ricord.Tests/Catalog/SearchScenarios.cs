using System.Globalization;
using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>Study search, paging and job claims, run on each provider.</summary>
internal static class SearchScenarios
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>57 studies: patient i%7, dates spread over 2020 with repeats and one without a date,
    /// odd studies CT, even ones DX plus an SR series, descriptions alternating.</summary>
    private static async Task<TestCatalog> SeededAsync(CatalogProvider provider)
    {
        var t = await TestCatalog.CreateAsync(provider);
        for (var i = 0; i < 57; i++)
        {
            var study = $"1.2.4.{i}";
            var r = TestCatalog.Instance($"{study}.1.1", study: study, series: $"{study}.1",
                patient: $"RICORD-1A-419639-{i % 7:D6}", modality: i % 2 == 1 ? "CT" : "DX") with
            {
                StudyDate = i == 13 ? null : new DateOnly(2020, 1, 1).AddDays(i / 2 * 5),
                StudyDescription = i % 3 == 0 ? "CT Chest w/o Contrast" : "XR CHEST PA",
                AccessionNumber = $"A{i:D4}",
            };
            Assert.Equal(InstanceInsertStatus.Inserted, (await t.Catalog.AddInstanceAsync(r, None)).Status);
            if (i % 2 == 0)
            {
                await t.Catalog.AddInstanceAsync(r with { SeriesInstanceUid = $"{study}.2", SopInstanceUid = $"{study}.2.1", Modality = "SR", ContentHash = TestCatalog.Hash(study + "sr") }, None);
            }
        }

        return t;
    }

    private static async Task<List<StudyResult>> AllPagesAsync(DatabaseCatalog catalog, StudyQuery q, int pageSize)
    {
        var all = new List<StudyResult>();
        for (string? after = null; ;)
        {
            var page = await catalog.SearchStudiesAsync(q with { After = after, Limit = pageSize }, None);
            Assert.True(page.Items.Count <= pageSize);
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                return all;
            }

            after = page.Next;
        }
    }

    public static async Task KeysetPagingReturnsEveryStudyOnceInOrder(CatalogProvider provider)
    {
        await using var t = await SeededAsync(provider);
        var all = await AllPagesAsync(t.Catalog, new StudyQuery(), 10);
        Assert.Equal(57, all.Count);
        Assert.Equal(57, all.Select(s => s.StudyInstanceUid).Distinct().Count());
        var keys = all.Select(s => (s.StudyDate ?? DateOnly.MinValue, s.Id)).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.Item1).ThenByDescending(k => k.Id), keys);
        Assert.Null(all[^1].StudyDate);
        var even = all.Single(s => s.StudyInstanceUid == "1.2.4.4");
        Assert.Equal((2, 2, "DX\\SR"), (even.NumberOfSeries, even.NumberOfInstances, even.ModalitiesInStudy));
        Assert.Equal(("RICORD-1A", "419639", "RICORD-1A-419639-000004"), (even.Collection, even.SiteCode, even.PatientId));

        // Paging with a filter, and an exact page boundary.
        var ct = await AllPagesAsync(t.Catalog, new StudyQuery { Modality = "CT" }, 4);
        Assert.Equal(28, ct.Count);
        Assert.Equal(28, ct.Select(s => s.Id).Distinct().Count());
    }

    public static async Task FiltersMatchDicomSemantics(CatalogProvider provider)
    {
        await using var t = await SeededAsync(provider);
        async Task<HashSet<int>> Find(StudyQuery q) =>
            (await AllPagesAsync(t.Catalog, q, 1000)).Select(s => int.Parse(s.StudyInstanceUid.Split('.')[^1], CultureInfo.InvariantCulture)).ToHashSet();
        var expectedDates = Enumerable.Range(0, 57).Where(i => i != 13 && i / 2 * 5 is >= 30 and <= 60).ToHashSet();
        Assert.Equal(expectedDates, await Find(new StudyQuery { StudyDateFrom = new DateOnly(2020, 1, 31), StudyDateTo = new DateOnly(2020, 3, 1) }));
        Assert.Equal(Enumerable.Range(0, 57).Where(i => i % 7 == 3).ToHashSet(), await Find(new StudyQuery { PatientId = "RICORD-1A-419639-000003" }));
        Assert.Equal(57, (await Find(new StudyQuery { PatientId = "RICORD-1A-*" })).Count);
        Assert.Empty(await Find(new StudyQuery { PatientId = "ricord-1a-*" }));
        Assert.Equal(57, (await Find(new StudyQuery { PatientId = "RICORD-1A-??????-00000?" })).Count);
        Assert.Equal(Enumerable.Range(0, 57).Where(i => i % 7 == 5).ToHashSet(), await Find(new StudyQuery { PatientId = "*-000005" }));
        Assert.Equal(Enumerable.Range(0, 57).Where(i => i % 2 == 0).ToHashSet(), await Find(new StudyQuery { Modality = "SR" }));
        Assert.Equal(Enumerable.Range(0, 57).Where(i => i % 3 == 0).ToHashSet(), await Find(new StudyQuery { StudyDescription = "chest w/o" }));
        Assert.Equal(Enumerable.Range(0, 57).Where(i => i % 3 != 0).ToHashSet(), await Find(new StudyQuery { StudyDescription = "xr*pa" }));
        Assert.Equal([42], await Find(new StudyQuery { AccessionNumber = "A0042" }));
        Assert.Equal(Enumerable.Range(40, 10).ToHashSet(), await Find(new StudyQuery { AccessionNumber = "A004?" }));
        Assert.Equal([1, 2], await Find(new StudyQuery { StudyInstanceUids = ["1.2.4.1", "1.2.4.2", "9.9"] }));
        Assert.Equal([3], await Find(new StudyQuery { PatientId = "RICORD-1A-419639-000003", Modality = "CT", StudyDateTo = new DateOnly(2020, 1, 10) }));
        Assert.Equal(57, (await Find(new StudyQuery { Collection = TestCatalog.Collection, SiteCode = TestCatalog.Site })).Count);
        await Assert.ThrowsAsync<CatalogException>(() => t.Catalog.SearchStudiesAsync(new StudyQuery { Collection = "NOPE" }, None));
        await Assert.ThrowsAsync<CatalogQueryException>(() => t.Catalog.SearchStudiesAsync(new StudyQuery { After = "garbage" }, None));
    }

    public static async Task SeriesAndInstancesPageByKey(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        for (var i = 0; i < 25; i++)
        {
            await t.Catalog.AddInstanceAsync(TestCatalog.Instance($"1.2.3.1.{i % 2 + 1}.{i}", series: $"1.2.3.1.{i % 2 + 1}", modality: i % 2 == 0 ? "CT" : "SR"), None);
        }

        var study = (await t.Catalog.SearchStudiesAsync(new StudyQuery(), None)).Items.Single();
        var series = await t.Catalog.SearchSeriesAsync(new SeriesQuery(study.Id), None);
        Assert.Equal([13, 12], series.Items.Select(s => s.NumberOfInstances));
        Assert.Single((await t.Catalog.SearchSeriesAsync(new SeriesQuery(study.Id) { Modality = "SR" }, None)).Items);

        var seen = new List<long>();
        for (string? after = null; ;)
        {
            var page = await t.Catalog.SearchInstancesAsync(new InstanceQuery(study.Id) { After = after, Limit = 7 }, None);
            seen.AddRange(page.Items.Select(i => i.Id));
            if ((after = page.Next) is null)
            {
                break;
            }
        }

        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        var first = series.Items[0].Id;
        Assert.Equal(13, (await t.Catalog.SearchInstancesAsync(new InstanceQuery(study.Id) { SeriesId = first }, None)).Items.Count);
    }
}
