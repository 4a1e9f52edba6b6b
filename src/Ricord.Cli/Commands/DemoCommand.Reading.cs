using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class DemoCommand
{
    private const string Actor = "demo";
    private const string CtProject = "RICORD-CT";
    private const string CxrProject = "RICORD-CXR";

    /// <summary>The RICORD reading projects: name, built-in schema, modalities, adjudication rule (the simulation's own for
    /// radiographs: any disagreement), the simulated readers' export, and whether segmentation agreement is measured.</summary>
    private static readonly (string Project, string Schema, string Modality, string Rule, string Export, bool Segmentation)[] Projects =
    [
        (CtProject, BuiltinSchemas.RicordCt, "CT", "no-majority", "ct-mdai.json", true),
        (CxrProject, BuiltinSchemas.RicordCxr, "CR,DX", "any-disagreement", "cxr-mdai.json", false),
    ];

    /// <summary>Steps 5 and 6: reading projects with the simulated reads imported (ricord project create, ricord read import
    /// --uids original, since synth's exports carry the sites' UIDs), then each project's consensus summary and agreement tables.</summary>
    private static async Task<int> ReadAsync(string synth, string data, IAnsiConsole console, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        console.Write(new Rule("5. Reading projects (ricord project create, ricord read import)").LeftJustified());
        using (var dataDir = await CliData.OpenAsync(new DirectoryInfo(data), token).ConfigureAwait(false))
        {
            var store = new SchemaStore(dataDir.CatalogOptions);
            foreach (var p in Projects)
            {
                await store.ImportAsync(BuiltinSchemas.Json(p.Schema)!, Actor, token).ConfigureAwait(false);
            }
        }

        foreach (var p in Projects)
        {
            int code = CliApp.Run(["project", "create", p.Project, "--collection", Collection, "--schema", p.Schema, "--modality", p.Modality,
                "--rule", p.Rule, "--as", Actor, "--data", data], stdout, stderr);
            code = code == ExitCodes.Success
                ? CliApp.Run(["read", "import", Path.Combine(synth, "annotations", p.Export), "--project", p.Project, "--uids", "original",
                    "--as", Actor, "--data", data], stdout, stderr)
                : code;
            if (code != ExitCodes.Success)
            {
                return code;
            }
        }

        console.Write(new Rule("6. Consensus and agreement (ricord consensus, ricord agreement)").LeftJustified());
        using (var dataDir = await CliData.OpenAsync(new DirectoryInfo(data), token).ConfigureAwait(false))
        {
            var results = new ProjectResultsService(ReadingDefaults.Options(dataDir.CatalogOptions), dataDir.Blobs);
            var curator = new ReadingActor(Actor, ReadingRole.Curator);
            foreach (var p in Projects)
            {
                console.Write(new Rule(p.Project).LeftJustified().RuleStyle("grey"));
                ResultsCommand.WriteConsensusSummary(await results.GetConsensusAsync(curator, p.Project, null, token).ConfigureAwait(false), stdout);
                var agreement = await results.GetAgreementAsync(curator, p.Project, null, p.Segmentation, null, token).ConfigureAwait(false);
                ResultsCommand.WriteAgreementTables(agreement, stdout);
            }
        }

        return ExitCodes.Success;
    }
}
