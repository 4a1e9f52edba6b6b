using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>A migrated catalog (<see cref="TestCatalog"/>) with radiograph and CT studies, a stored schema, and the
/// reading services wired as the hosts wire them (<see cref="ReadingDefaults"/>). The curator is "cur".</summary>
internal sealed class ReadingFixture : IAsyncDisposable
{
    public const string Schema = "cxr-test";
    public static readonly ReadingActor Curator = new("cur", ReadingRole.Curator);

    private ReadingFixture(TestCatalog catalog)
    {
        Catalog = catalog;
        Options = ReadingDefaults.Options(catalog.Options);
        Projects = new ReadingProjectService(Options);
        Reading = new ReadingService(Options);
        Schemas = new SchemaStore(catalog.Options);
    }

    public TestCatalog Catalog { get; }
    public ReadingOptions Options { get; }
    public ReadingProjectService Projects { get; }
    public ReadingService Reading { get; }
    public SchemaStore Schemas { get; }

    public static LabelSchema TestSchema { get; } = new(Schema, 1, "test", [
        new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice, [
            new LabelDefinition("Typical Appearance", null, "#ff0000"),
            new LabelDefinition("Indeterminate Appearance", null, "#00ff00"),
            new LabelDefinition("Atypical Appearance", null, "#0000ff"),
            new LabelDefinition("Negative for Pneumonia", null, "#ffffff", Exclusive: true),
        ], Required: true),
        new LabelGroup("Opacity", null, LabelScope.Instance, LabelMode.Mask, [new LabelDefinition("Infectious opacity", null, "#ffff00")]),
    ]);

    /// <summary><paramref name="radiographs"/> CR studies (one instance each) and <paramref name="cts"/> CT studies (three slices each).</summary>
    public static async Task<ReadingFixture> CreateAsync(CatalogProvider provider, int radiographs = 6, int cts = 2, bool createCurator = true)
    {
        var t = await TestCatalog.CreateAsync(provider);
        for (int i = 0; i < radiographs; i++)
        {
            await Add(t, StudyUid("CR", i), "CR", 1, 100 + i);
        }

        for (int i = 0; i < cts; i++)
        {
            await Add(t, StudyUid("CT", i), "CT", 3, 200 + i);
        }

        var f = new ReadingFixture(t);
        await f.Schemas.ImportAsync(LabelSchemaJson.Serialize(TestSchema), "cur", CancellationToken.None);
        if (createCurator)
        {
            await f.Projects.EnsureUserAsync(Curator.User, ReadingRole.Curator, CancellationToken.None);
        }

        return f;
    }

    public static string StudyUid(string modality, int i) => $"1.2.826.0.1.{(modality == "CT" ? 2 : 1)}.{i + 1}";

    public static string SopUid(string studyUid, int slice) => $"{studyUid}.1.{slice + 1}";

    public static ReadContent Appearance(string label) => new([new ReadLabel("Appearance", label)], []);

    public ValueTask DisposeAsync() => Catalog.DisposeAsync();

    private static async Task Add(TestCatalog t, string study, string modality, int slices, int patient)
    {
        for (int s = 0; s < slices; s++)
        {
            var sop = SopUid(study, s);
            await t.Catalog.AddInstanceAsync(TestCatalog.Instance(sop, study, study + ".1", $"RICORD-1A-419639-{patient:D6}", modality)
                with { InstanceNumber = s + 1, ImagePositionZ = s }, CancellationToken.None);
        }
    }
}
