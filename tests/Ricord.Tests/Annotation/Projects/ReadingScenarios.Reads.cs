using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Catalog;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Projects;

internal static partial class ReadingScenarios
{
    public static async Task BlindingIsEnforcedInTheService(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 3, cts: 0);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1", "r2", "r3") with { ReadersPerStudy = 2, Adjudicators = ["adj", "r3"] }, None);
        var mine = await f.Reading.GetWorklistAsync(Reader("r1"), "p", None);
        Assert.Equal(2, mine.Count);
        var study = mine[0].StudyInstanceUid;
        var reads = await f.Reading.GetStudyReadsAsync(Adjudicator("adj"), "p", study, None);
        var other = reads.Single(r => r.User != "r1");
        await f.Reading.SubmitAsync(Reader(other.User), other.ReadId, 0, ReadingFixture.Appearance("Atypical Appearance"), None);

        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetReadAsync(Reader("r1"), other.ReadId, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetStudyReadsAsync(Reader("r1"), "p", study, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetStudyReadsAsync(Adjudicator("r1"), "p", study, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetAdjudicationQueueAsync(Reader("r1"), "p", None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.SaveDraftAsync(Reader("r1"), other.ReadId, 1, ReadingFixture.Appearance("Typical Appearance"), None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.ReopenAsync(Reader("r1"), other.ReadId, 1, "peek", None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetReadAsync(Reader("nobody"), other.ReadId, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Projects.GetStatusAsync(Reader("r1"), "p", None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.EnsureMaySeeStudyAsync(Reader("r1"), "p", study, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetHistoryAsync(Reader("r1"), other.ReadId, None));
        await f.Reading.EnsureMaySeeStudyAsync(Adjudicator("adj"), "p", study, None);
        Assert.All(await f.Reading.GetWorklistAsync(Reader("r1"), "p", None), w => Assert.Contains(mine, m => m.ReadId == w.ReadId));

        // Adjudicators and curators see every read, labels included, of a study they did not read.
        var seen = await f.Reading.GetReadAsync(Adjudicator("adj"), other.ReadId, None);
        Assert.Equal("Atypical Appearance", seen.Content.Labels.Single().Label);
        Assert.Equal(2, (await f.Reading.GetStudyReadsAsync(Curator, "p", study, None)).Count);

        // r3 adjudicates too, but never a study they read.
        var r3Studies = (await f.Reading.GetWorklistAsync(Reader("r3"), "p", None)).Select(w => w.StudyInstanceUid).ToList();
        Assert.Equal(2, r3Studies.Count);
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetStudyReadsAsync(Adjudicator("r3"), "p", r3Studies[0], None));
        var notRead = ReadingFixtureStudies(3).Single(s => !r3Studies.Contains(s));
        Assert.Equal(2, (await f.Reading.GetStudyReadsAsync(Adjudicator("r3"), "p", notRead, None)).Count);
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.StartAdjudicationAsync(Adjudicator("r3"), "p", r3Studies[0], None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.StartAdjudicationAsync(Reader("r1"), "p", notRead, None));

        // An adjudicator who left the project sees nothing more.
        await f.Projects.RemoveMemberAsync(Curator, "p", "adj", ReadingRole.Adjudicator, None);
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetStudyReadsAsync(Adjudicator("adj"), "p", study, None));
    }

    public static async Task SubmitValidatesLocksAndKeepsHistory(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 0, cts: 1);
        await f.Projects.CreateProjectAsync(Curator, new ReadingProjectDefinition("ct", TestCatalog.Collection, ReadingFixture.Schema, Readers: ["r1"], Adjudicators: ["adj"]), None);
        var item = Assert.Single(await f.Reading.GetWorklistAsync(Reader("r1"), "ct", None));
        Assert.Equal((ReadState.Assigned, 0), (item.State, item.Version));
        var study = item.StudyInstanceUid;

        var bad = await Assert.ThrowsAsync<ReadValidationException>(() => f.Reading.SaveDraftAsync(Reader("r1"), item.ReadId, 0, ReadingFixture.Appearance("Probably COVID"), None));
        Assert.Single(bad.Errors);
        var elsewhere = new ReadContent([], [Mask(study + ".9.9", 0, 100)]);
        await Assert.ThrowsAsync<ReadValidationException>(() => f.Reading.SaveDraftAsync(Reader("r1"), item.ReadId, 0, elsewhere, None));

        // A segmentation: one large run-length mask per slice, keyed by SOPInstanceUID.
        var shapes = Enumerable.Range(0, 3).Select(s => Mask(ReadingFixture.SopUid(study, s), s, 4000)).ToList();
        var draft = await f.Reading.SaveDraftAsync(Reader("r1"), item.ReadId, 0, new ReadContent([], shapes), None);
        Assert.Equal((ReadState.InProgress, 1), (draft.State, draft.Version));
        await Assert.ThrowsAsync<ReadValidationException>(() => f.Reading.SubmitAsync(Reader("r1"), item.ReadId, 1, new ReadContent([], shapes), None));
        var final = new ReadContent(ReadingFixture.Appearance("Typical Appearance").Labels, shapes);
        var submitted = await f.Reading.SubmitAsync(Reader("r1"), item.ReadId, 1, final, None);
        Assert.Equal((ReadState.Submitted, 2), (submitted.State, submitted.Version));
        Assert.NotNull(submitted.SubmittedAt);
        Assert.Equal(Json(final), Json((await f.Reading.GetReadAsync(Reader("r1"), item.ReadId, None)).Content));

        await Assert.ThrowsAsync<ReadingException>(() => f.Reading.SaveDraftAsync(Reader("r1"), item.ReadId, 2, final, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.ReopenAsync(Reader("r1"), item.ReadId, 2, "oops", None));
        await Assert.ThrowsAsync<ReadConcurrencyException>(() => f.Reading.ReopenAsync(Adjudicator("adj"), item.ReadId, 1, "stale", None));
        var reopened = await f.Reading.ReopenAsync(Adjudicator("adj"), item.ReadId, 2, "missed a slice", None);
        Assert.Equal((ReadState.InProgress, 3), (reopened.State, reopened.Version));
        await f.Reading.SubmitAsync(Reader("r1"), item.ReadId, 3, final, None);

        var entries = await f.Reading.GetHistoryAsync(Adjudicator("adj"), item.ReadId, None);
        Assert.Equal([0, 1, 1, 1], entries.Select(e => e.Content.Labels.Count));
        Assert.All(entries, e => Assert.Equal(3, e.Content.Shapes.Count));
        await Assert.ThrowsAsync<ReadingAccessException>(() => f.Reading.GetHistoryAsync(Reader("nobody"), item.ReadId, None));

        await using var db = f.Catalog.Db();
        var history = await db.ReadVersions.Where(v => v.ReadId == item.ReadId).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2, 3, 4], history.Select(v => v.Version));
        Assert.Equal([ReadState.InProgress, ReadState.Submitted, ReadState.InProgress, ReadState.Submitted], history.Select(v => v.State));
        Assert.Equal(["r1", "r1", "adj", "r1"], history.Select(v => v.SavedBy));
        var payload = Assert.Single(await db.ReadPayloads.ToListAsync()); // unchanged shapes are stored once
        Assert.True(payload.Data.Length * 4 < payload.Length, $"{payload.Data.Length} compressed of {payload.Length}");
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == "read-submit"));
        Assert.Equal("missed a slice", (await db.AuditEvents.SingleAsync(a => a.Action == "read-reopen")).Detail);
    }

    public static async Task ConcurrentEditsNeverLoseAnUpdate(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 1, cts: 0);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1") with { ReadersPerStudy = 1 }, None);
        var id = Assert.Single(await f.Reading.GetWorklistAsync(Reader("r1"), "p", None)).ReadId;

        // The row token itself: two contexts load version 0, the second writer fails.
        await using (var db1 = f.Catalog.Db())
        await using (var db2 = f.Catalog.Db())
        {
            var a = await db1.Reads.AsTracking().SingleAsync(r => r.Id == id);
            var b = await db2.Reads.AsTracking().SingleAsync(r => r.Id == id);
            a.Version++;
            b.Version++;
            b.LabelsJson = "[]";
            await db1.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        }

        // Through the service: a stale version is refused and the first edit survives.
        var first = await f.Reading.SaveDraftAsync(Reader("r1"), id, 1, ReadingFixture.Appearance("Typical Appearance"), None);
        await Assert.ThrowsAsync<ReadConcurrencyException>(() => f.Reading.SaveDraftAsync(Reader("r1"), id, 1, ReadingFixture.Appearance("Atypical Appearance"), None));
        Assert.Equal("Typical Appearance", (await f.Reading.GetReadAsync(Reader("r1"), id, None)).Content.Labels.Single().Label);

        // Racing writers from the same version: exactly one wins, the others are told.
        string[] labels = ["Typical Appearance", "Indeterminate Appearance", "Atypical Appearance", "Negative for Pneumonia", "Typical Appearance", "Atypical Appearance"];
        var outcomes = await Task.WhenAll(labels.Select(async (label, i) =>
        {
            await Task.Yield();
            try
            {
                var v = await f.Reading.SaveDraftAsync(Reader("r1"), id, first.Version, ReadingFixture.Appearance(label), None);
                return (Won: true, Label: label, v.Version);
            }
            catch (ReadConcurrencyException)
            {
                return (Won: false, Label: label, Version: 0);
            }
        }));
        var winner = Assert.Single(outcomes, o => o.Won);
        var now = await f.Reading.GetReadAsync(Reader("r1"), id, None);
        Assert.Equal((winner.Version, winner.Label), (now.Version, now.Content.Labels.Single().Label));
        await using var db = f.Catalog.Db();
        Assert.Equal(now.Version - 1, await db.ReadVersions.CountAsync(v => v.ReadId == id)); // version 1 came from the raw context above
    }

    private static ReadShape Mask(string sop, int slice, int length) =>
        new("Opacity", "Infectious opacity", "1.2.9", sop, 0, 512, 512, ShapeKind.Mask, Runs: Enumerable.Range(0, length).SelectMany(i => new[] { (i * 37) + slice, 20 }).ToList());

    private static string Json(ReadContent c) => JsonSerializer.Serialize(c);

    private static IEnumerable<string> ReadingFixtureStudies(int radiographs) => Enumerable.Range(0, radiographs).Select(i => ReadingFixture.StudyUid("CR", i));
}
