using System.CommandLine;
using System.Globalization;
using Ricord.Synth;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>
/// <c>ricord demo</c>: the whole job on the embedded default with no configuration: synthetic multi-site
/// data → ingest with de-identification (link table kept apart) → clinical sheets joined to the pseudonyms →
/// a summary of the catalog, clinical records and quarantine → the RICORD reading projects with the simulated
/// readers' MD.ai exports imported → consensus and agreement tables → release 1.0.0, built and verified.
/// </summary>
public static partial class DemoCommand
{
    private const string Marker = ".ricord-demo";
    private const string Collection = "RICORD-DEMO";

    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Folder the demo owns (synthetic input and data directory). Re-running replaces it.", DefaultValueFactory = _ => new DirectoryInfo("ricord-demo") };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data (same seed, same input bytes).", DefaultValueFactory = _ => 42 };
        var ct = new Option<int>("--ct-patients") { Description = "Chest CT patients (RICORD-1A/1B-like).", DefaultValueFactory = _ => 4 };
        var cxr = new Option<int>("--cxr-patients") { Description = "Radiograph patients (RICORD-1C-like).", DefaultValueFactory = _ => 20 };
        var slices = new Option<int>("--slices") { Description = "Axial slices per CT series.", DefaultValueFactory = _ => 48 };
        var command = new Command("demo",
            "Run Ricord end to end on the embedded default (SQLite + filesystem): generate synthetic data from four sites with " +
            "planted PHI, ingest every site with de-identification (the link table stays in DIR/data/secrets), import every site's " +
            "clinical sheet (MRNs → pseudonyms, dates shifted), print the catalog by site, the clinical records and the quarantine, create the RICORD " +
            "reading projects (CT and radiographs, built-in schemas), import the simulated readers' MD.ai exports, print consensus and agreement " +
            "(kappa with bootstrap intervals; Dice and volumes for the CT segmentations), then build release 1.0.0 into DIR/release-1.0.0 and verify it.")
        {
            dir, seed, ct, cxr, slices,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(dir)!, parse.GetValue(seed), parse.GetValue(ct), parse.GetValue(cxr),
            parse.GetValue(slices), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo dir, int seed, int ctPatients, int cxrPatients, int slices, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        if (dir.Exists && dir.EnumerateFileSystemInfos().Any())
        {
            if (!File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                stderr.WriteLine($"ricord demo: {dir.FullName} exists and is not a demo folder; choose another --dir");
                return ExitCodes.OutputNotEmpty;
            }

            dir.Delete(recursive: true);
        }

        dir.Create();
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, Marker), "made by ricord demo; deleted by the next run\n", token).ConfigureAwait(false);
        string synth = Path.Combine(dir.FullName, "synth");
        string data = Path.Combine(dir.FullName, "data");
        var console = CliProgress.Console(stdout);

        console.Write(new Rule("1. Synthetic multi-site data (ricord synth)").LeftJustified());
        int code = CliApp.Run(["synth", synth, "--seed", Str(seed), "--ct-patients", Str(ctPatients), "--cxr-patients", Str(cxrPatients), "--slices", Str(slices)], stdout, stderr);
        if (code != ExitCodes.Success)
        {
            return code;
        }

        console.Write(new Rule("2. Ingest with de-identification (ricord ingest, every site in one run)").LeftJustified());
        var sites = Directory.GetDirectories(Path.Combine(synth, "sites")).Order(StringComparer.Ordinal)
            .Select(site => (Path.GetFileName(site), new[] { Path.Combine(site, "dicom") })).ToList();
        code = await IngestCommand.RunAsync(sites, Collection, Math.Max(2, Environment.ProcessorCount), new DirectoryInfo(data), stdout, stderr, token).ConfigureAwait(false);
        if (code is not (ExitCodes.Success or ExitCodes.PartialSuccess))
        {
            return code;
        }

        console.Write(new Rule("3. Clinical data (ricord clinical import, one run per site)").LeftJustified());
        foreach (var site in Directory.GetDirectories(Path.Combine(synth, "sites")).Order(StringComparer.Ordinal))
        {
            string siteCode = Path.GetFileName(site);
            var options = new Ricord.Clinical.ClinicalImportOptions
            {
                SiteCodes = [siteCode], Collection = Collection, SourceName = "clinical.csv", DateFormat = SynthGenerator.ClinicalDateFormat(siteCode),
            };
            code = await ClinicalCommand.RunImportAsync(new FileInfo(Path.Combine(site, "clinical.csv")), options, null, new DirectoryInfo(data), stdout, stderr, columns: false, token).ConfigureAwait(false);
            if (code is not (ExitCodes.Success or ExitCodes.PartialSuccess))
            {
                return code;
            }
        }

        using (var dataDir = await CliData.OpenAsync(new DirectoryInfo(data), token).ConfigureAwait(false))
        {
            console.Write(new Rule("4. Catalog").LeftJustified());
            await WriteCatalogSummaryAsync(dataDir, console, token).ConfigureAwait(false);
        }

        code = await ReadAsync(synth, data, console, stdout, stderr, token).ConfigureAwait(false);
        code = code == ExitCodes.Success ? await ReleaseAsync(dir.FullName, data, console, stdout, stderr, token).ConfigureAwait(false) : code;
        if (code != ExitCodes.Success)
        {
            return code;
        }

        console.WriteLine($"Data directory: {data} (catalog.db, blobs/, secrets/ with the link table). Try: ricord query --data {data}; " +
            $"ricord consensus --project {CxrProject} --data {data} --as {Actor}");
        return ExitCodes.Success;
    }

    private static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);
}
