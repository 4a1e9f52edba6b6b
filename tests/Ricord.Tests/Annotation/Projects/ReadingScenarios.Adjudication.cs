using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Projects;

internal static partial class ReadingScenarios
{
    public static async Task AdjudicationQueueFollowsTheRule(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 3, cts: 0);
        string a = ReadingFixture.StudyUid("CR", 0), b = ReadingFixture.StudyUid("CR", 1), c = ReadingFixture.StudyUid("CR", 2);
        var answers = new Dictionary<(string Study, string Reader), string>
        {
            [(a, "r1")] = "Typical Appearance", [(a, "r2")] = "Typical Appearance", [(a, "r3")] = "typical  appearance",
            [(b, "r1")] = "Typical Appearance", [(b, "r2")] = "Indeterminate Appearance", [(b, "r3")] = "Atypical Appearance",
            [(c, "r1")] = "Typical Appearance", [(c, "r2")] = "Typical Appearance", [(c, "r3")] = "Indeterminate Appearance",
        };
        await f.Projects.CreateProjectAsync(Curator, Cxr("nm", "r1", "r2", "r3"), None);
        await f.Projects.CreateProjectAsync(Curator, Cxr("ad", "r1", "r2", "r3") with { Trigger = AdjudicationTrigger.AnyDisagreement }, None);

        Assert.Empty(await f.Reading.GetAdjudicationQueueAsync(Adjudicator("adj"), "nm", None)); // nothing is complete yet
        foreach (var project in new[] { "nm", "ad" })
        {
            foreach (var reader in new[] { "r1", "r2", "r3" })
            {
                foreach (var w in await f.Reading.GetWorklistAsync(Reader(reader), project, None))
                {
                    await f.Reading.SubmitAsync(Reader(reader), w.ReadId, 0, ReadingFixture.Appearance(answers[(w.StudyInstanceUid, reader)]), None);
                }
            }
        }

        var noMajority = await f.Reading.GetAdjudicationQueueAsync(Adjudicator("adj"), "nm", None);
        Assert.Equal([b], noMajority.Select(q => q.StudyInstanceUid));
        Assert.Equal(3, noMajority[0].ReaderReads);
        Assert.Equal([b, c], (await f.Reading.GetAdjudicationQueueAsync(Curator, "ad", None)).Select(q => q.StudyInstanceUid));

        var status = await f.Projects.GetStatusAsync(Curator, "nm", None);
        Assert.Equal((3, 3, (int?)1, 0), (status.Studies, status.StudiesComplete, status.AdjudicationPending, status.Adjudicated));
        Assert.All(status.Members.Where(m => m.Role == ReadingRole.Reader), m => Assert.Equal((0, 0, 3), (m.Assigned, m.InProgress, m.Submitted)));

        var adjudication = await f.Reading.StartAdjudicationAsync(Adjudicator("adj"), "nm", b, None);
        Assert.Equal((ReadingRole.Adjudicator, ReadState.Assigned), (adjudication.Role, adjudication.State));
        Assert.Equal(adjudication.ReadId, (await f.Reading.StartAdjudicationAsync(Adjudicator("adj"), "nm", b, None)).ReadId);
        Assert.Equal(["adj"], (await f.Reading.GetAdjudicationQueueAsync(Adjudicator("adj"), "nm", None)).Single().AdjudicatorsStarted);
        Assert.Equal(4, (await f.Reading.GetStudyReadsAsync(Adjudicator("adj"), "nm", b, None)).Count);
        await f.Reading.SubmitAsync(Adjudicator("adj"), adjudication.ReadId, 0, ReadingFixture.Appearance("Indeterminate Appearance"), None);
        Assert.Empty(await f.Reading.GetAdjudicationQueueAsync(Adjudicator("adj"), "nm", None));
        status = await f.Projects.GetStatusAsync(Curator, "nm", None);
        Assert.Equal(((int?)0, 1), (status.AdjudicationPending, status.Adjudicated));
        Assert.Contains(status.Members, m => m is { User: "adj", Role: ReadingRole.Adjudicator, Submitted: 1 });

        // Adjudicators only see their own adjudications in their worklist; without a rule, pending is unknown.
        Assert.Single(await f.Reading.GetWorklistAsync(Adjudicator("adj"), "nm", None));
        var bare = new ReadingProjectService(new ReadingOptions { Catalog = f.Catalog.Options });
        Assert.Null((await bare.GetStatusAsync(Curator, "nm", None)).AdjudicationPending);
        await Assert.ThrowsAsync<ReadingException>(() => new ReadingService(new ReadingOptions { Catalog = f.Catalog.Options }).GetAdjudicationQueueAsync(Curator, "nm", None));
    }

    public static async Task AdjudicationWaitsForEveryRead(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 1, cts: 0);
        await f.Projects.CreateProjectAsync(Curator, Cxr("p", "r1", "r2"), None);
        var study = ReadingFixture.StudyUid("CR", 0);
        var w = Assert.Single(await f.Reading.GetWorklistAsync(Reader("r1"), "p", None));
        await f.Reading.SubmitAsync(Reader("r1"), w.ReadId, 0, ReadingFixture.Appearance("Typical Appearance"), None);
        await Assert.ThrowsAsync<ReadingException>(() => f.Reading.StartAdjudicationAsync(Adjudicator("adj"), "p", study, None));
        Assert.Equal(0, (await f.Projects.GetStatusAsync(Curator, "p", None)).StudiesComplete);
    }

    public static async Task SchemasAreStoredByNameAndVersion(CatalogProvider provider)
    {
        await using var f = await ReadingFixture.CreateAsync(provider, radiographs: 0, cts: 0);
        var schema = ReadingFixture.TestSchema;
        var stored = await f.Schemas.GetAsync(ReadingFixture.Schema, null, None);
        Assert.NotNull(stored);
        Assert.False((await f.Schemas.ImportAsync(stored.Json, "cur", None)).Created);
        await Assert.ThrowsAsync<ReadingException>(() => f.Schemas.ImportAsync(stored.Json + " ", "cur", None));
        var (v2, created) = await f.Schemas.ImportAsync(LabelSchemaJson.Serialize(schema with { Version = 2, Description = "second" }), "cur", None);
        Assert.True(created);
        Assert.Equal(2, (await f.Schemas.GetAsync(ReadingFixture.Schema, null, None))!.Version);
        Assert.Equal(stored.Json, (await f.Schemas.GetAsync(ReadingFixture.Schema, 1, None))!.Json);
        Assert.Null(await f.Schemas.GetAsync(ReadingFixture.Schema, 3, None));
        await Assert.ThrowsAsync<LabelSchemaException>(() => f.Schemas.ImportAsync("{\"name\":\"x\",\"version\":1,\"groups\":[]}", "cur", None));
        Assert.Equal([(ReadingFixture.Schema, 1), (ReadingFixture.Schema, 2)], (await f.Schemas.ListAsync(None)).Select(s => (s.Name, s.Version)));
        Assert.Equal("second", v2.Description);
    }
}
