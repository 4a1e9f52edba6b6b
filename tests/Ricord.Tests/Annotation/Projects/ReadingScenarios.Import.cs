using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Projects;

internal static partial class ReadingScenarios
{
    public static async Task ImportStoresReadsOnceAndReportsTheRest(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 4, cts: 1);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1", "r2", "r3"), None);
        var import = new ReadImportService(f.Options);
        var cr = Enumerable.Range(0, 4).Select(i => ReadingFixture.StudyUid("CR", i)).ToList();
        var reads = ImportedReads(cr);
        var report = await import.ImportAsync(Curator, "p", reads, null, null, None);

        Assert.Equal((13, 2, 1), (report.Count(ReadImportOutcome.Imported), report.Count(ReadImportOutcome.Rejected), report.Count(ReadImportOutcome.UnknownStudy)));
        Assert.False(report.AllStored);
        var rejected = report.Results.Where(r => r.Outcome == ReadImportOutcome.Rejected).SelectMany(r => r.Messages).ToList();
        Assert.Contains(rejected, m => m.Contains($"study {cr[1]}, reader 'g4'", StringComparison.Ordinal) && m.Contains("Nope", StringComparison.Ordinal));
        Assert.Contains(rejected, m => m.Contains("reader 'g5'", StringComparison.Ordinal) && m.Contains("is not an instance of this study", StringComparison.Ordinal));
        Assert.Contains("not in project 'p'", Assert.Single(report.Results, r => r.Outcome == ReadImportOutcome.UnknownStudy).Messages[0], StringComparison.Ordinal);
        Assert.Equal(["reader g1", "reader g2", "reader g3", "adjudicator Adjudication"], report.MembersAdded);

        // The imported reads say who read: the assigned reads of r1..r3 on those studies are gone, the study is complete.
        var assigned = await AssignmentsAsync(f, "p");
        Assert.Equal(12, assigned.Count);
        Assert.All(assigned, a => Assert.Equal(ReadState.Submitted, a.State));
        Assert.Equal(["g1", "g2", "g3"], assigned.Select(a => a.User).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, (await f.Projects.GetStatusAsync(Curator, "p", None)).StudiesComplete);
        int versions = await CountAsync(f, db => db.ReadVersions.CountAsync());
        Assert.Equal(13, versions);

        // Idempotent: nothing new, not even a version or an audit event.
        int audit = await CountAsync(f, db => db.AuditEvents.CountAsync());
        var again = await import.ImportAsync(Curator, "p", reads, null, null, None);
        Assert.Equal(13, again.Count(ReadImportOutcome.Unchanged));
        Assert.Null(again.Assignment);
        Assert.Equal((versions, audit), (await CountAsync(f, db => db.ReadVersions.CountAsync()), await CountAsync(f, db => db.AuditEvents.CountAsync())));

        // A different answer is a conflict, unless replaced (reopened and resubmitted, audited).
        MdaiRead[] changed = [new(cr[1], "g1", false, ReadingFixture.Appearance("Indeterminate Appearance"))];
        var conflict = await import.ImportAsync(Curator, "p", changed, null, null, None);
        Assert.Contains($"study {cr[1]}, reader 'g1': differs from the stored Submitted read", Assert.Single(conflict.Results).Messages[0], StringComparison.Ordinal);
        var replaced = await import.ImportAsync(Curator, "p", changed, new ReadImportOptions { Replace = true, Source = "fix.json" }, null, None);
        Assert.Equal(ReadImportOutcome.Replaced, Assert.Single(replaced.Results).Outcome);
        var g1 = await f.Reading.GetWorklistAsync(Reader("g1"), "p", None);
        var history = await f.Reading.GetHistoryAsync(Reader("g1"), g1.Single(w => w.StudyInstanceUid == cr[1]).ReadId, None);
        Assert.Equal([ReadState.Submitted, ReadState.InProgress, ReadState.Submitted], history.Select(h => h.State));
        Assert.Equal("Indeterminate Appearance", history[^1].Content.Labels[0].Label);
        Assert.Equal(1, await AuditCountAsync(f, "read-reopen"));

        // Rebalancing never takes an imported read away.
        await f.Projects.AddMemberAsync(Curator, "p", "r4", ReadingRole.Reader, None);
        var after = await AssignmentsAsync(f, "p");
        Assert.All(assigned, a => Assert.Contains(after, x => x.Id == a.Id && x.User == a.User && x.State == ReadState.Submitted));

        // Blinding holds for imported reads.
        Assert.Equal(4, g1.Count);
        var g2 = await f.Reading.GetWorklistAsync(Reader("g2"), "p", None);
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetReadAsync(Reader("g1"), g2[0].ReadId, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetStudyReadsAsync(Reader("g1"), "p", cr[0], None));
        Assert.Equal(4, (await f.Reading.GetStudyReadsAsync(Adjudicator("Adjudication"), "p", cr[0], None)).Count);

        // Out as MD.ai and back in: the same reads, so nothing changes.
        var export = new ReadExportService(f.Options);
        var stored = await export.GetReadsAsync(Curator, "p", includeDrafts: false, None);
        Assert.Equal(13, stored.Count);
        var back = await import.ImportAsync(Curator, "p", await export.ExportAsync(Curator, "p", includeDrafts: false, None), null, null, None);
        Assert.Equal(13, back.Count(ReadImportOutcome.Unchanged));
        Assert.True(back.AllStored);
    }

    /// <summary>Three readers (g1..g3) on four radiographs, g2 with a mask on the first; an adjudication; a label the
    /// schema lacks (g4), an instance of another study (g5) and a study the project lacks.</summary>
    private static List<MdaiRead> ImportedReads(List<string> cr)
    {
        var reads = new List<MdaiRead>();
        foreach (var study in cr)
        {
            foreach (var g in new[] { "g1", "g2", "g3" })
            {
                reads.Add(new(study, g, false, ReadingFixture.Appearance(g == "g3" && study == cr[0] ? "Atypical Appearance" : "Typical Appearance")));
            }
        }

        var mask = new ReadShape("Opacity", "Infectious opacity", cr[0] + ".1", ReadingFixture.SopUid(cr[0], 0), 0, 4, 4, ShapeKind.Mask, Runs: [1, 2, 5, 2]);
        reads[1] = reads[1] with { Content = reads[1].Content with { Shapes = [mask] } };
        reads.Add(new(cr[0], "Adjudication", true, ReadingFixture.Appearance("Typical Appearance")));
        reads.Add(new(cr[1], "g4", false, ReadingFixture.Appearance("Nope")));
        reads.Add(new(cr[2], "g5", false, ReadingFixture.Appearance("Typical Appearance") with { Shapes = [mask with { SopInstanceUid = ReadingFixture.SopUid(cr[3], 0) }] }));
        reads.Add(new("1.2.826.0.9.9", "g1", false, ReadingFixture.Appearance("Typical Appearance")));
        return reads;
    }

    private static async Task<int> CountAsync(ReadingFixture f, Func<CatalogDbContext, Task<int>> count)
    {
        await using var db = f.Catalog.Db();
        return await count(db);
    }
}
