using System.Text.Json;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Hosting;

namespace Ricord.Cli.Tests.Commands;

public sealed class ProjectCommandTests
{
    [Fact]
    public async Task Create_assign_and_status_run_a_reading_project()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"ricord-project-{Guid.NewGuid():N}");
        try
        {
            await SeedAsync(dir);
            var (code, output, error) = Run("project", "create", "cxr", "--collection", "RICORD-1C", "--schema", "cxr-test", "--readers", "r1,r2,r3",
                "--adjudicators", "adj", "--rule", "any-disagreement", "--modality", "CR,DX", "--as", "cur", "--data", dir);
            Assert.True(code == 0, error);
            Assert.Contains("4 studies of RICORD-1C, schema cxr-test v1, 3 readers per study, 12 reads assigned, adjudication on any disagreement", output, StringComparison.Ordinal);

            (code, output, error) = Run("project", "assign", "cxr", "--add-reader", "r4", "--as", "cur", "--data", dir);
            Assert.True(code == 0, error);
            Assert.Contains("added reader r4: 4 studies, 0 reads added, 3 moved, 0 removed", output, StringComparison.Ordinal);

            (code, output, error) = Run("project", "status", "cxr", "--json", "--as", "cur", "--data", dir);
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(4, json.RootElement.GetProperty("studies").GetInt32());
            Assert.Equal("any-disagreement", json.RootElement.GetProperty("trigger").GetString());
            var members = json.RootElement.GetProperty("members").EnumerateArray().ToList();
            Assert.Equal(5, members.Count);
            Assert.All(members.Where(m => m.GetProperty("role").GetString() == "reader"), m => Assert.Equal(3, m.GetProperty("assigned").GetInt32()));

            (code, output, error) = Run("project", "status", "cxr", "--as", "cur", "--data", dir);
            Assert.True(code == 0, error);
            // The CLI runs the consensus adjudication rule (ReadingDefaults), so pending is a count: nothing is submitted yet.
            Assert.Contains("studies: 4, complete: 0, adjudication pending: 0,", output, StringComparison.Ordinal);
            Assert.Contains("r4", output, StringComparison.Ordinal);

            (code, _, error) = Run("project", "status", "nope", "--as", "cur", "--data", dir);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("No reading project named 'nope'", error, StringComparison.Ordinal);
            (code, _, error) = Run("project", "create", "x", "--collection", "RICORD-1C", "--schema", "missing", "--as", "cur", "--data", dir);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("import it first", error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Usage, Run("project", "create", "y", "--collection", "RICORD-1C", "--schema", "cxr-test", "--rule", "coin-flip", "--data", dir).Code);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);

    /// <summary>Four radiograph studies and one CT in RICORD-1C, and a stored schema.</summary>
    private static async Task SeedAsync(string dir)
    {
        using var data = new RicordDataDirectory(dir, new CatalogOptions { DataDirectory = dir });
        await data.InitializeAsync(CancellationToken.None);
        await data.Catalog.EnsureCollectionAsync("RICORD-1C", null, CancellationToken.None);
        await data.Catalog.EnsureSiteAsync("419639", "Test", CancellationToken.None);
        for (int i = 0; i < 5; i++)
        {
            string study = $"1.2.826.0.9.{i + 1}", modality = i == 4 ? "CT" : i % 2 == 0 ? "CR" : "DX";
            await data.Catalog.AddInstanceAsync(new InstanceRecord
            {
                Collection = "RICORD-1C",
                SiteCode = "419639",
                PatientId = $"RICORD-1C-419639-{i:D6}",
                StudyInstanceUid = study,
                SeriesInstanceUid = study + ".1",
                Modality = modality,
                SopInstanceUid = study + ".1.1",
                SopClassUid = "1.2.840.10008.5.1.4.1.1.1",
                TransferSyntaxUid = "1.2.840.10008.1.2.1",
                BlobKey = "instances/" + study,
                ContentHash = new string('a', 64),
            }, CancellationToken.None);
        }

        var schema = new LabelSchema("cxr-test", 1, null, [
            new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice, [new LabelDefinition("Typical Appearance", null, "#ff0000")], Required: true),
        ]);
        await new SchemaStore(data.CatalogOptions).ImportAsync(LabelSchemaJson.Serialize(schema), "cur", CancellationToken.None);
    }
}
