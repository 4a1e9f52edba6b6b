using Microsoft.EntityFrameworkCore;
using Ricord.Withdrawal;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Results;
using Ricord.Catalog;
using Ricord.Storage;
using Ricord.Tests.Annotation.Projects;

namespace Ricord.Tests.Catalog;

/// <summary>
/// <see cref="CatalogWithdrawalService"/> written once, run on SQLite (<see cref="SqliteCatalogTests"/>) and PostgreSQL
/// (<see cref="PostgresCatalogTests"/>). Three CT studies with two series each, every instance's blob in a file store,
/// and a published reading project with two readers' labels and masks on every series: A is withdrawn whole, one series
/// of B alone, C is not listed (and one of its instances has the same bytes as one of A's).
/// </summary>
internal static class WithdrawalScenarios
{
    private const string A = "1.2.826.0.7.1", B = "1.2.826.0.7.2", C = "1.2.826.0.7.3";
    private const string Project = "withdraw-reads";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Actor Curator = new("cur");

    public static async Task WithdrawnStudiesAndSeriesLeaveTheCatalogTheirReadsAndTheirBlobsAndNothingElse(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 0, cts: 0);
        string root = Path.Combine(Path.GetTempPath(), "ricord-withdraw-" + Guid.NewGuid().ToString("N"));
        try
        {
            var blobs = new FileSystemBlobStore(root);
            var keys = await AddStudiesAsync(f, blobs);
            await f.Projects.CreateProjectAsync(ReadingFixture.Curator, new ReadingProjectDefinition(Project, TestCatalog.Collection, ReadingFixture.Schema), None);
            var import = await new ReadImportService(f.Options).ImportAsync(ReadingFixture.Curator, Project, Reads(), new ReadImportOptions { AsPublished = true }, null, None);
            Assert.True(import.AllStored);

            var service = new CatalogWithdrawalService(f.Catalog.Catalog, blobs);
            var removed = await service.WithdrawAsync(Curator, TestCatalog.Collection, [A, B + ".2", "1.2.826.0.7.99"], None);
            // A: 2 series, 4 instances, 2 reads; B's series 2: 2 instances and the drawings of both reads on it. A's shared blob stays.
            Assert.Equal(new CatalogWithdrawal(1, 3, 6, 2, 2, 5, 1), removed);

            await using (var db = f.Catalog.Db())
            {
                Assert.Equal([B, C], await db.Studies.OrderBy(s => s.StudyInstanceUid).Select(s => s.StudyInstanceUid).ToListAsync());
                Assert.Equal([B + ".1", C + ".1", C + ".2"], await db.Series.OrderBy(s => s.SeriesInstanceUid).Select(s => s.SeriesInstanceUid).ToListAsync());
                Assert.Equal(6, await db.Instances.CountAsync());
                var b = await db.Studies.SingleAsync(s => s.StudyInstanceUid == B);
                Assert.Equal((1, 2, "CT"), (b.NumberOfSeries, b.NumberOfInstances, b.ModalitiesInStudy));
                Assert.Equal([B, C], await db.ProjectStudies.OrderBy(p => p.StudyInstanceUid).Select(p => p.StudyInstanceUid).ToListAsync());
                Assert.Equal(4, await db.Reads.CountAsync());
                Assert.Empty(await db.BlobIntents.ToListAsync());
                var audit = await db.AuditEvents.Where(e => e.Action == "withdraw").OrderBy(e => e.Id).ToListAsync();
                Assert.Equal([$"study {A} of {TestCatalog.Collection}", $"series {B}.2 of {TestCatalog.Collection}"], audit.Select(e => e.Target));
                Assert.All(audit, e => Assert.Equal("cur", e.Actor));
                // No payload of A's reads is left; B's reads have a new version without the drawings on the withdrawn series.
                var hashes = (await db.Reads.Select(r => r.ShapesHash).ToListAsync()).Concat(await db.ReadVersions.Select(v => v.ShapesHash).ToListAsync())
                    .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                Assert.Equal(hashes, (await db.ReadPayloads.Select(p => p.Hash).ToListAsync()).Select(h => h.Trim()).Order(StringComparer.Ordinal));
            }

            foreach (var (uid, key) in keys)
            {
                bool kept = uid.StartsWith(C, StringComparison.Ordinal) || uid.StartsWith(B + ".1", StringComparison.Ordinal) || uid == A + ".1.1";
                Assert.True(kept == await blobs.ExistsAsync(key, None), $"blob of {uid}: expected {(kept ? "kept" : "deleted")}");
            }

            // The remaining reads of B: labels kept, drawings only on the series that stays; the consensus lists B and C only.
            var reading = new ReadingService(f.Options);
            var views = await reading.GetStudyReadsAsync(ReadingFixture.Curator, Project, B, None);
            Assert.All(views, v => Assert.Equal([B + ".1"], v.Content.Shapes.Select(s => s.SeriesInstanceUid).Distinct()));
            Assert.All(views, v => Assert.Single(v.Content.Labels));
            var consensus = await new ProjectResultsService(f.Options).GetConsensusAsync(ReadingFixture.Curator, Project, null, None);
            Assert.Equal([B, C], consensus.Studies.Select(s => s.StudyInstanceUid));
            Assert.All(consensus.Studies, s => Assert.Equal(2, s.RequiredReads)); // as published: the reads each study has

            // Idempotent: nothing is left to remove, and nothing else moves.
            Assert.Equal(CatalogWithdrawal.None with { NotFound = 3 }, await service.WithdrawAsync(Curator, TestCatalog.Collection, [A, B + ".2", "1.2.826.0.7.99"], None));
            // A series whose study has no other series left takes the study with it.
            var last = await service.WithdrawAsync(Curator, TestCatalog.Collection, [B + ".1"], None);
            Assert.Equal((1, 1, 2, 2), (last.Studies, last.Series, last.Instances, last.Reads));
            await using (var db = f.Catalog.Db())
            {
                Assert.Equal([C], await db.Studies.Select(s => s.StudyInstanceUid).ToListAsync());
                Assert.Equal(4, await db.Instances.CountAsync());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A, B and C with series .1 and .2 of two slices each; A.1.1 and C.1.1 have the same bytes (one blob).</summary>
    private static async Task<List<(string Sop, string Key)>> AddStudiesAsync(ReadingFixture f, FileSystemBlobStore blobs)
    {
        var keys = new List<(string, string)>();
        foreach (var (study, n) in new[] { (A, 1), (B, 2), (C, 3) })
        {
            foreach (var series in new[] { study + ".1", study + ".2" })
            {
                for (int k = 1; k <= 2; k++)
                {
                    string sop = $"{series}.{k}";
                    string content = sop == C + ".1.1" ? A + ".1.1" : sop;
                    var record = TestCatalog.Instance(sop, study, series, $"RICORD-1A-419639-00000{n}") with
                    {
                        BlobKey = "instances/" + TestCatalog.Hash(content), ContentHash = TestCatalog.Hash(content), InstanceNumber = k, ImagePositionZ = k,
                    };
                    await f.Catalog.Catalog.AddInstanceAsync(record, None);
                    await blobs.PutAsync(record.BlobKey, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), None);
                    keys.Add((sop, record.BlobKey));
                }
            }
        }

        return keys;
    }

    /// <summary>Two readers per study: an appearance, and a mask on the first slice of each series.</summary>
    private static List<MdaiRead> Reads() =>
        [.. new[] { A, B, C }.SelectMany(study => new[] { "r1", "r2" }.Select(reader => new MdaiRead(study, reader, false,
            ReadingFixture.Appearance("Typical Appearance") with
            {
                Shapes = [.. new[] { study + ".1", study + ".2" }.Select(series =>
                    new ReadShape("Opacity", "Infectious opacity", series, series + ".1", 0, 4, 4, ShapeKind.Mask, Runs: reader == "r1" ? [1, 2] : [5, 2]))],
            })))];
}
