using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>Catalog behaviour, written once and run on each provider by <see cref="SqliteCatalogTests"/> and
/// <see cref="PostgresCatalogTests"/>.</summary>
internal static class CatalogScenarios
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task MigrationsApplyAndMatchModel(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        await using var db = t.Db();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration; see docs/catalog.md.");
        await t.Catalog.MigrateAsync(None); // a second run is a no-op
    }

    /// <summary>MigrateAsync returns after one query when every migration is applied; a catalog that lacks the
    /// latest one must still be brought up to date.</summary>
    public static async Task MigrateAsyncUpgradesAnOlderCatalog(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        await using (var db = t.Db())
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(first);
            Assert.Equal([first], await db.Database.GetAppliedMigrationsAsync());
        }

        await t.Catalog.MigrateAsync(None);
        await using var after = t.Db();
        Assert.Equal(after.Database.GetMigrations(), await after.Database.GetAppliedMigrationsAsync());
    }

    public static async Task AddInstanceIsIdempotent(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        var r = TestCatalog.Instance("1.2.3.1.1.1");
        var first = await t.Catalog.AddInstanceAsync(r, None);
        var second = await t.Catalog.AddInstanceAsync(r, None);
        Assert.Equal(InstanceInsertStatus.Inserted, first.Status);
        Assert.Equal(InstanceInsertStatus.AlreadyPresent, second.Status);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.True(await t.Catalog.HasInstanceAsync(TestCatalog.Collection, r.SopInstanceUid, None));
        Assert.False(await t.Catalog.HasInstanceAsync(TestCatalog.Collection, "9.9.9", None));

        await using var db = t.Db();
        Assert.Equal(1, await db.Instances.CountAsync());
        var study = await db.Studies.SingleAsync();
        Assert.Equal((1, 1, "CT"), (study.NumberOfSeries, study.NumberOfInstances, study.ModalitiesInStudy));
        Assert.Equal(1, (await db.Series.SingleAsync()).NumberOfInstances);
    }

    public static async Task ConflictsAreReportedAndRolledBack(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        var r = TestCatalog.Instance("1.2.3.1.1.1");
        await t.Catalog.AddInstanceAsync(r, None);

        var changed = await t.Catalog.AddInstanceAsync(r with { ContentHash = TestCatalog.Hash("other") }, None);
        Assert.Equal(InstanceInsertStatus.Conflict, changed.Status);

        // The series belongs to another study: the new patient and study written earlier in the same
        // transaction must be rolled back with it.
        var moved = await t.Catalog.AddInstanceAsync(
            TestCatalog.Instance("1.2.3.9.9.9", study: "1.2.3.9", patient: "RICORD-1A-419639-000099"), None);
        Assert.Equal(InstanceInsertStatus.Conflict, moved.Status);

        await using var db = t.Db();
        Assert.Equal(1, await db.Instances.CountAsync());
        Assert.Equal(1, await db.Patients.CountAsync());
        Assert.Equal(1, await db.Studies.CountAsync());
        Assert.Equal(TestCatalog.Hash("1.2.3.1.1.1"), (await db.Instances.SingleAsync()).ContentHash.Trim());
        Assert.Equal(1, (await db.Studies.SingleAsync()).NumberOfInstances);
    }

    public static async Task ConcurrentWritersOnOneStudy(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        string[] series = ["1.2.3.1.1", "1.2.3.1.2", "1.2.3.1.3"];
        string[] modality = ["CT", "CT", "SR"];

        // 4 writers, 30 instances each; writer w also re-sends 5 of writer (w+1)'s instances.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var statuses = new List<InstanceInsertStatus>();
            for (var i = 0; i < 30; i++)
            {
                var s = (w + i) % 3;
                var r = TestCatalog.Instance($"1.2.3.1.{w}.{i}", series: series[s], modality: modality[s]);
                statuses.Add((await t.Catalog.AddInstanceAsync(r, None)).Status);
                if (i < 5)
                {
                    var other = (w + 1) % 4;
                    var os = (other + i) % 3;
                    var dup = TestCatalog.Instance($"1.2.3.1.{other}.{i}", series: series[os], modality: modality[os]);
                    statuses.Add((await t.Catalog.AddInstanceAsync(dup, None)).Status);
                }
            }

            return statuses;
        })));

        var all = results.SelectMany(x => x).ToList();
        Assert.Equal(120, all.Count(s => s == InstanceInsertStatus.Inserted));
        Assert.Equal(20, all.Count(s => s == InstanceInsertStatus.AlreadyPresent));
        Assert.DoesNotContain(InstanceInsertStatus.Conflict, all);

        await using var db = t.Db();
        Assert.Equal(1, await db.Patients.CountAsync());
        var study = await db.Studies.SingleAsync();
        Assert.Equal(3, await db.Series.CountAsync());
        Assert.Equal(120, await db.Instances.CountAsync());
        Assert.Equal(120, study.NumberOfInstances);
        Assert.Equal(3, study.NumberOfSeries);
        Assert.Equal(["CT", "SR"], study.ModalitiesInStudy.Split('\\').Order().ToArray());
        foreach (var s in await db.Series.ToListAsync())
        {
            Assert.Equal(await db.Instances.CountAsync(i => i.SeriesId == s.Id), s.NumberOfInstances);
        }
    }

    public static async Task QuarantineAndAuditAreStored(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateAsync(provider);
        await t.Catalog.AddQuarantineAsync(new QuarantineRecord(TestCatalog.Collection, TestCatalog.Site,
            QuarantineReason.BurnedInAnnotationRisk, "BurnedInAnnotation is YES", "quarantine/abcd1234", TestCatalog.Hash("q")), None);
        await t.Catalog.AuditAsync("curator@site", "ingest", "study 1.2.3", null, None);
        await using var db = t.Db();
        var q = await db.QuarantineEntries.SingleAsync();
        Assert.Equal(QuarantineReason.BurnedInAnnotationRisk, q.Reason);
        Assert.Equal(DateTimeKind.Utc, q.ReceivedAt.Kind);
        Assert.Equal("ingest", (await db.AuditEvents.SingleAsync()).Action);
    }
}
