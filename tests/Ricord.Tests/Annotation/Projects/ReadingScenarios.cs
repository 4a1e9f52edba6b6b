using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Catalog;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>Reading-project behaviour written once, run on SQLite (<see cref="SqliteReadingTests"/>) and PostgreSQL
/// (<see cref="PostgresReadingTests"/>).</summary>
internal static partial class ReadingScenarios
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ReadingActor Curator = ReadingFixture.Curator;

    private static ReadingActor Reader(string name) => new(name, ReadingRole.Reader);

    private static ReadingActor Adjudicator(string name) => new(name, ReadingRole.Adjudicator);

    private static ReadingProjectDefinition Cxr(string name, params string[] readers) =>
        new(name, TestCatalog.Collection, ReadingFixture.Schema, Readers: readers, Adjudicators: ["adj"], Modalities: ["CR", "DX"]);

    public static async Task CreateAssignsBalancedAndDeterministic(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 8, cts: 2);
        var definition = Cxr("cxr", "r3", "r1", "r4", "r2");
        Assert.Equal(new AssignmentResult(8, 24, 0, 0), await f.Projects.CreateProjectAsync(Curator, definition, None));

        var reads = await AssignmentsAsync(f, "cxr");
        Assert.All(reads.GroupBy(r => r.Study), g => Assert.Equal(3, g.Select(r => r.User).Distinct().Count()));
        Assert.DoesNotContain(reads, r => r.Study.StartsWith(ReadingFixture.StudyUid("CT", 0)[..^1], StringComparison.Ordinal));
        Assert.Equal([6, 6, 6, 6], reads.GroupBy(r => r.User).Select(g => g.Count()).ToArray());

        // Same inputs, another catalog: the same assignment.
        await using (var g = await ReadingFixture.CreateAsync(provider, radiographs: 8, cts: 2))
        {
            await g.Projects.CreateProjectAsync(Curator, definition with { Readers = ["r2", "r4", "r1", "r3"] }, None);
            Assert.Equal(reads.Select(r => (r.Study, r.User)), (await AssignmentsAsync(g, "cxr")).Select(r => (r.Study, r.User)));
        }

        // CT defaults to one reader per study.
        var ct = await f.Projects.CreateProjectAsync(Curator, new ReadingProjectDefinition("ct", TestCatalog.Collection, ReadingFixture.Schema, Readers: ["r1", "r2"], Modalities: ["CT"]), None);
        Assert.Equal(new AssignmentResult(2, 2, 0, 0), ct);
        var status = await f.Projects.GetStatusAsync(Curator, "ct", None);
        Assert.Equal((1, 2, 1), (status.ReadersPerStudy, status.Studies, status.SchemaVersion));

        await Assert.ThrowsAsync<ReadingException>(() => f.Projects.CreateProjectAsync(Curator, definition, None));
        await Assert.ThrowsAsync<ReadingException>(() => f.Projects.CreateProjectAsync(Curator, definition with { Name = "x", SchemaName = "nope" }, None));
        await Assert.ThrowsAsync<ReadingException>(() => f.Projects.CreateProjectAsync(Curator, definition with { Name = "x", Collection = "nope" }, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Projects.CreateProjectAsync(Reader("r1"), definition with { Name = "x" }, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Projects.CreateProjectAsync(new ReadingActor("r1", ReadingRole.Curator), definition with { Name = "x" }, None));
        Assert.Equal(2, await AuditCountAsync(f, "project-create"));
    }

    public static async Task ReadersJoinAndLeaveWithoutLosingReads(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 6, cts: 0);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1", "r2", "r3"), None);
        var r1 = await f.Reading.GetWorklistAsync(Reader("r1"), "p", None);
        Assert.Equal(6, r1.Count);
        await f.Reading.SubmitAsync(Reader("r1"), r1[0].ReadId, 0, ReadingFixture.Appearance("Typical Appearance"), None);
        await f.Reading.SubmitAsync(Reader("r1"), r1[1].ReadId, 0, ReadingFixture.Appearance("Typical Appearance"), None);
        await f.Reading.SaveDraftAsync(Reader("r1"), r1[2].ReadId, 0, ReadingFixture.Appearance("Atypical Appearance"), None);
        var r2 = await f.Reading.GetWorklistAsync(Reader("r2"), "p", None);
        await f.Reading.SaveDraftAsync(Reader("r2"), r2[5].ReadId, 0, ReadingFixture.Appearance("Atypical Appearance"), None);
        var started = (await AssignmentsAsync(f, "p")).Where(r => r.State != ReadState.Assigned).ToList();
        Assert.Equal(4, started.Count);

        var added = await f.Projects.AddMemberAsync(Curator, "p", "r4", ReadingRole.Reader, None);
        Assert.Equal((0, 0), (added.Added, added.Removed));
        Assert.True(added.Moved >= 4, $"moved {added.Moved}");
        var after = await AssignmentsAsync(f, "p");
        Assert.Equal(18, after.Count);
        Assert.All(after.GroupBy(r => r.Study), g => Assert.Equal(3, g.Select(r => r.User).Distinct().Count()));
        Assert.All(after.GroupBy(r => r.User), g => Assert.InRange(g.Count(), 4, 5));
        Assert.All(started, s => Assert.Contains(after, a => a.Id == s.Id && a.User == s.User && a.State == s.State));

        var removed = await f.Projects.RemoveMemberAsync(Curator, "p", "r2", ReadingRole.Reader, None);
        Assert.True(removed.Moved + removed.Removed > 0);
        var last = await AssignmentsAsync(f, "p");
        Assert.All(started, s => Assert.Contains(last, a => a.Id == s.Id && a.User == s.User && a.State == s.State));
        Assert.Equal([started.Single(s => s.User == "r2").Id], last.Where(r => r.User == "r2").Select(r => r.Id));
        Assert.All(last.GroupBy(r => r.Study), g => Assert.Equal(3, g.Select(r => r.User).Distinct().Count()));
        Assert.Equal(17, last.Count(r => r.User != "r2"));
        Assert.All(last.Where(r => r.User != "r2").GroupBy(r => r.User), g => Assert.InRange(g.Count(), 5, 6));

        // The reader who left may still finish what they started; the status shows them inactive.
        await f.Reading.SubmitAsync(Reader("r2"), r2[5].ReadId, 1, ReadingFixture.Appearance("Atypical Appearance"), None);
        var status = await f.Projects.GetStatusAsync(Curator, "p", None);
        Assert.Contains(status.Members, m => m is { User: "r2", Active: false, Submitted: 1, Assigned: 0 });
        Assert.Contains(status.Members, m => m is { User: "r1", Active: true, Submitted: 2, InProgress: 1 });

        // Assigning again with nothing new changes nothing.
        Assert.Equal(new AssignmentResult(6, 0, 0, 0), await f.Projects.AssignAsync(Curator, "p", None));
        Assert.Equal(1, await AuditCountAsync(f, "member-add"));
        Assert.Equal(1, await AuditCountAsync(f, "member-remove"));
        Assert.True(await AuditCountAsync(f, "reads-assign") >= 3);
    }

    public static async Task AssignPicksUpNewStudies(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 2, cts: 1);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1", "r2", "r3"), None);
        await f.Catalog.Catalog.AddInstanceAsync(TestCatalog.Instance("1.2.826.0.1.1.99.1.1", "1.2.826.0.1.1.99", "1.2.826.0.1.1.99.1", "RICORD-1A-419639-000999", "DX"), None);
        Assert.Equal(new AssignmentResult(3, 3, 0, 0), await f.Projects.AssignAsync(Curator, "p", None));
        Assert.Equal(9, (await AssignmentsAsync(f, "p")).Count);
    }

    private static async Task<List<(long Id, string Study, string User, ReadState State)>> AssignmentsAsync(ReadingFixture f, string project)
    {
        await using var db = f.Catalog.Db();
        var rows = await db.Reads
            .Join(db.ReadingProjects.Where(p => p.Name == project), r => r.ProjectId, p => p.Id, (r, p) => r)
            .Where(r => r.Role == ReadingRole.Reader)
            .Join(db.Studies, r => r.StudyId, s => s.Id, (r, s) => new { r.Id, s.StudyInstanceUid, r.UserId, r.State })
            .Join(db.ReadingUsers, x => x.UserId, u => u.Id, (x, u) => new { x.Id, x.StudyInstanceUid, u.Name, x.State })
            .ToListAsync();
        return rows.Select(r => (r.Id, r.StudyInstanceUid, r.Name, r.State))
            .OrderBy(r => r.StudyInstanceUid, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    private static async Task<int> AuditCountAsync(ReadingFixture f, string action)
    {
        await using var db = f.Catalog.Db();
        return await db.AuditEvents.CountAsync(a => a.Action == action);
    }
}
