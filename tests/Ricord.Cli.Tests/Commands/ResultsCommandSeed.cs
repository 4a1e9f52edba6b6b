using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Hosting;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// A data directory with two reading projects. "p": three radiographs read by r1, r2, r3 — A: T, T, T; B: T, T, I;
/// C: T, I, A, adjudicated Atypical by adj (appearance percent agreement 4/9, Fleiss κ −0.125 by hand). "ct": one CT
/// series of two 8 × 8 slices (1 mm pixels, 3 mm apart) stored as DICOM in the blob store; r1 draws columns 0–3,
/// r2 columns 2–5, rows 0–3 of slice 0: 16 voxels each, 8 shared, Dice 0.5, 0.048 mL each.
/// </summary>
internal static class ResultsCommandSeed
{
    public const string CtStudy = "1.2.826.0.8.9";
    public static readonly string[] Studies = ["1.2.826.0.8.1", "1.2.826.0.8.2", "1.2.826.0.8.3"];
    private static readonly string[][] Appearance = [["Typical", "Typical", "Typical"], ["Typical", "Typical", "Indeterminate"], ["Typical", "Indeterminate", "Atypical"]];
    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task SeedAsync(string dir)
    {
        using var data = new RicordDataDirectory(dir, new CatalogOptions { DataDirectory = dir });
        await data.InitializeAsync(None);
        await data.Catalog.EnsureCollectionAsync("RICORD-1C", null, None);
        await data.Catalog.EnsureSiteAsync("419639", "Test", None);
        for (int i = 0; i < Studies.Length; i++)
        {
            await data.Catalog.AddInstanceAsync(Record(Studies[i], Studies[i] + ".1.1", "CR", $"instances/cr{i}"), None);
        }

        for (int k = 0; k < 2; k++)
        {
            string sop = $"{CtStudy}.1.{k + 1}", key = $"instances/ct{k}";
            var ds = new DicomDataset()
                .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, sop)
                .SetStrings(DicomTags.ImagePositionPatient, DicomVR.DS, "0", "0", k == 0 ? "0" : "3")
                .SetStrings(DicomTags.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0")
                .SetUInt16(DicomTags.Rows, 8).SetUInt16(DicomTags.Columns, 8)
                .SetStrings(DicomTags.PixelSpacing, DicomVR.DS, "1", "1");
            using (var stream = new MemoryStream(new DicomFile(ds).ToBytes()))
            {
                await data.Blobs.PutAsync(key, stream, None);
            }

            await data.Catalog.AddInstanceAsync(Record(CtStudy, sop, "CT", key) with { Rows = 8, Columns = 8 }, None);
        }

        var schema = new LabelSchema("res-test", 1, null, [
            new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice, [
                new LabelDefinition("Typical", null, "#ff0000"), new LabelDefinition("Indeterminate", null, "#00ff00"), new LabelDefinition("Atypical", null, "#0000ff"),
            ], Required: true),
            new LabelGroup("Lesion", null, LabelScope.Instance, LabelMode.Freeform, [new LabelDefinition("Opacity", null, "#ffff00")]),
        ]);
        var options = ReadingDefaults.Options(data.CatalogOptions);
        await new SchemaStore(data.CatalogOptions).ImportAsync(LabelSchemaJson.Serialize(schema), "cur", None);
        var projects = new ReadingProjectService(options);
        var cur = new ReadingActor("cur", ReadingRole.Curator);
        await projects.EnsureUserAsync(cur.User, ReadingRole.Curator, None);
        await projects.CreateProjectAsync(cur, new ReadingProjectDefinition("p", "RICORD-1C", "res-test", Readers: ["r1", "r2", "r3"], Adjudicators: ["adj"], Modalities: ["CR"]), None);
        await projects.CreateProjectAsync(cur, new ReadingProjectDefinition("ct", "RICORD-1C", "res-test", ReadersPerStudy: 2, Readers: ["r1", "r2"], Modalities: ["CT"]), None);
        var reading = new ReadingService(options);
        for (int r = 0; r < 3; r++)
        {
            var reader = new ReadingActor($"r{r + 1}", ReadingRole.Reader);
            foreach (var w in await reading.GetWorklistAsync(reader, "p", None))
            {
                string label = Appearance[Array.IndexOf(Studies, w.StudyInstanceUid)][r];
                await reading.SubmitAsync(reader, w.ReadId, w.Version, new ReadContent([new ReadLabel("Appearance", label)], []), None);
            }

            foreach (var w in r < 2 ? await reading.GetWorklistAsync(reader, "ct", None) : [])
            {
                double x0 = r == 0 ? -0.5 : 1.5;
                var shape = new ReadShape("Lesion", "Opacity", CtStudy + ".1", CtStudy + ".1.1", 0, 8, 8, ShapeKind.Polygon, [x0, -0.5, x0 + 4, -0.5, x0 + 4, 3.5, x0, 3.5]);
                await reading.SubmitAsync(reader, w.ReadId, w.Version, new ReadContent([new ReadLabel("Appearance", "Typical")], [shape]), None);
            }
        }

        var adj = new ReadingActor("adj", ReadingRole.Adjudicator);
        var adjudication = await reading.StartAdjudicationAsync(adj, "p", Studies[2], None);
        await reading.SubmitAsync(adj, adjudication.ReadId, adjudication.Version, new ReadContent([new ReadLabel("Appearance", "Atypical")], []), None);
    }

    private static InstanceRecord Record(string study, string sop, string modality, string key) => new()
    {
        Collection = "RICORD-1C",
        SiteCode = "419639",
        PatientId = "RICORD-1C-419639-00000" + study[^1],
        StudyInstanceUid = study,
        SeriesInstanceUid = study + ".1",
        Modality = modality,
        SopInstanceUid = sop,
        SopClassUid = "1.2.840.10008.5.1.4.1.1.1",
        TransferSyntaxUid = "1.2.840.10008.1.2.1",
        BlobKey = key,
        ContentHash = new string('a', 64),
    };
}
