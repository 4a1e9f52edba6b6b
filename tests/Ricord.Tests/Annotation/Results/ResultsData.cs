using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Tests.Annotation.Projects;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Results;

/// <summary>
/// A project with known answers: five radiograph studies read by r1, r2, r3 (adjudicator adj). Appearance / grade:
/// S0 T+Mild, T+Mild, T+Moderate (agreed; grade majority Mild); S1 T+Mod, T+Mod, I+Mod (majority; grade agreed);
/// S2 T+Mild, I+Severe, A+Mod, adjudicated I+Severe; S3 N, N, T+Mild (majority N; grade not applicable); S4 only r1
/// submitted (incomplete). By hand over S0–S3: appearance percent agreement 5/12, Fleiss κ 2/86, Cohen κ r1–r2 5/9;
/// grade r1–r2 (S0–S2) linear κw 1/4.
/// </summary>
internal static class ResultsData
{
    public const string Schema = "results-test";
    public const string Project = "res";
    public static readonly ReadingActor Curator = ReadingFixture.Curator;
    public static readonly string[] Readers = ["r1", "r2", "r3"];

    public static LabelSchema TestSchema { get; } = new(Schema, 1, "results test", [
        new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice, [
            new LabelDefinition("Typical", null, "#ff0000"),
            new LabelDefinition("Indeterminate", null, "#00ff00"),
            new LabelDefinition("Atypical", null, "#0000ff"),
            new LabelDefinition("Negative", null, "#ffffff"),
        ], Required: true),
        new LabelGroup("Grade", null, LabelScope.Study, LabelMode.SingleChoice, [
            new LabelDefinition("Mild", null, "#111111", 1),
            new LabelDefinition("Moderate", null, "#222222", 2),
            new LabelDefinition("Severe", null, "#333333", 3),
        ], Ordinal: true, NotApplicableWhen: new LabelCondition("Appearance", ["Negative"])),
        new LabelGroup("Lesion", null, LabelScope.Instance, LabelMode.Freeform, [new LabelDefinition("Opacity", null, "#ffff00")]),
    ]);

    /// <summary>(appearance, grade or null) per study (S0–S4) and reader; S4 is read by r1 only.</summary>
    private static readonly (string, string?)[][] Answers =
    [
        [("Typical", "Mild"), ("Typical", "Mild"), ("Typical", "Moderate")],
        [("Typical", "Moderate"), ("Typical", "Moderate"), ("Indeterminate", "Moderate")],
        [("Typical", "Mild"), ("Indeterminate", "Severe"), ("Atypical", "Moderate")],
        [("Negative", null), ("Negative", null), ("Typical", "Mild")],
        [("Typical", null)],
    ];

    public static string Study(int i) => ReadingFixture.StudyUid("CR", i);

    public static ReadContent Read(string appearance, string? grade) =>
        new([new ReadLabel("Appearance", appearance), .. grade is null ? Array.Empty<ReadLabel>() : [new ReadLabel("Grade", grade)]], []);

    /// <summary>The fixture with five radiographs, the schema, the project and every read above submitted (S2 adjudicated).</summary>
    public static async Task<ReadingFixture> CreateAsync(Ricord.Catalog.CatalogProvider provider)
    {
        var none = CancellationToken.None;
        var f = await ReadingFixture.CreateAsync(provider, radiographs: 5, cts: 0);
        await f.Schemas.ImportAsync(LabelSchemaJson.Serialize(TestSchema), Curator.User, none);
        await f.Projects.CreateProjectAsync(Curator, new ReadingProjectDefinition(Project, TestCatalog.Collection, Schema,
            Readers: Readers, Adjudicators: ["adj"], Modalities: ["CR", "DX"]), none);
        for (int r = 0; r < Readers.Length; r++)
        {
            var actor = new ReadingActor(Readers[r], ReadingRole.Reader);
            foreach (var w in await f.Reading.GetWorklistAsync(actor, Project, none))
            {
                int s = Enumerable.Range(0, Answers.Length).Single(i => Study(i) == w.StudyInstanceUid);
                if (r < Answers[s].Length)
                {
                    var (appearance, grade) = Answers[s][r];
                    await f.Reading.SubmitAsync(actor, w.ReadId, w.Version, Read(appearance, grade), none);
                }
                else if (r == 1)
                {
                    await f.Reading.SaveDraftAsync(actor, w.ReadId, w.Version, Read("Atypical", null), none);
                }
            }
        }

        var adj = new ReadingActor("adj", ReadingRole.Adjudicator);
        var adjudication = await f.Reading.StartAdjudicationAsync(adj, Project, Study(2), none);
        await f.Reading.SubmitAsync(adj, adjudication.ReadId, adjudication.Version, Read("Indeterminate", "Severe"), none);
        return f;
    }
}
