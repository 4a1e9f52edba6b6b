using System.CommandLine;
using Ricord.Ingest;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord ingest PATH… --collection C --site S</c>: de-identify, store and index DICOM from folders, files and zips.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders (walked recursively), DICOM files and zip archives.", Arity = ArgumentArity.OneOrMore };
        var collection = new Option<string>("--collection") { Description = "Collection to add to, e.g. RICORD-1A (created if new).", Required = true };
        var site = new Option<string>("--site") { Description = "Contributing site code, e.g. 419639 (created if new).", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Instances processed at once (default: number of cores, at least 2).", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        var data = CliData.CreateOption();
        var command = new Command("ingest",
            "De-identify DICOM instances (PS3.15 Basic Profile with RICORD's options), store them and index them in the catalog. " +
            "Atomic per instance and idempotent: re-running on the same input adds nothing. What cannot be taken is quarantined " +
            "with a reason (see `ricord quarantine`). Input paths and identifiers are never printed. " +
            "Exit codes: 0 all accepted or duplicates, 5 some quarantined or changed, 3 input not found, 1 usage.")
        {
            paths, collection, site, parallel, data,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(collection)!, parse.GetValue(site)!,
            parse.GetValue(parallel), parse.GetValue(data)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] paths, string collection, string site, int parallel, DirectoryInfo dataDir,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            stderr.WriteLine($"ricord ingest: input #{Array.IndexOf(paths, missing) + 1} does not exist");
            return ExitCodes.FileNotFound;
        }

        using var data = await CliData.OpenAsync(dataDir, ct).ConfigureAwait(false);
        var options = new IngestOptions { Collection = collection, SiteCode = site, Parallelism = Math.Max(1, parallel) };
        var report = new IngestReport();
        long total = paths.Sum(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).LongCount() : 1);
        var run = data.CreateIngestPipeline().RunAsync(IngestSource.EnumerateAsync(paths, ct), options, report, ct);
        await CliProgress.TrackAsync(stdout, "Ingesting", total, () => report.Processed, () => report.Bytes, run).ConfigureAwait(false);
        await run.ConfigureAwait(false);
        Summarize(report, stdout);
        return report.Quarantined + report.Changed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }

    private static void Summarize(IngestReport report, TextWriter stdout)
    {
        var console = CliProgress.Console(stdout);
        var table = new Table().AddColumn("outcome").AddColumn(new TableColumn("instances").RightAligned());
        table.AddRow("accepted", report.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("duplicates", report.Duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("changed (same UID, other content)", report.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (reason, n) in report.QuarantinedByReason.OrderBy(kv => kv.Key))
        {
            table.AddRow($"quarantined: {reason}", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        double seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-6);
        console.WriteLine(FormattableString.Invariant(
            $"{report.Processed} instances, {report.Bytes / 1e6:F1} MB in {seconds:F1} s: {report.Processed / seconds:F0} instances/s, {report.Bytes / 1e6 / seconds:F1} MB/s"));
    }
}
