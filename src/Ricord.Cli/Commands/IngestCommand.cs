using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ricord.Deid;
using Ricord.Ingest;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord ingest PATH… --collection C --site S</c>, or <c>ricord ingest PATH=SITE… --collection C</c> for
/// several sites in one process: de-identify, store and index DICOM from folders, files and zips.</summary>
public static class IngestCommand
{
    /// <summary>Workers beyond this only add memory: the durable store and the catalog are the limit well before.</summary>
    private const int MaxParallel = 256;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Folders (walked recursively), DICOM files and zip archives; without --site each is PATH=SITE (several sites in one run).",
            Arity = ArgumentArity.OneOrMore,
        };
        var collection = CliCodes.Collection(new Option<string>("--collection") { Description = "Collection to add to, e.g. RICORD-1A (created if new).", Required = true });
        var site = CliCodes.Site(new Option<string?>("--site") { Description = "Contributing site code of every path, e.g. 419639 (created if new). Without it, give PATH=SITE." });
        var parallel = new Option<int>("--parallel")
        {
            Description = $"Instances prepared at once, 1 to {MaxParallel} (default: number of cores, at least 2); memory grows with it.",
            DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount),
        };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > MaxParallel)
            {
                r.AddError($"--parallel must be between 1 and {MaxParallel}: each worker holds up to two instances in memory.");
            }
        });
        var profile = new Option<string?>("--profile") { Description = "De-identification profile: ricord (default), strict, or a profile JSON file (docs/deid.md)." };
        var data = CliData.CreateOption();
        var (maxEntry, maxRatio, maxDepth) = ArchiveOptions.Create();
        var command = new Command("ingest",
            "De-identify DICOM instances (PS3.15 Basic Profile with RICORD's options), store them and index them in the catalog. " +
            "Atomic per instance and idempotent: re-running on the same input adds nothing. What cannot be taken is quarantined " +
            "with a reason (see `ricord quarantine`). Input paths and identifiers are never printed. " +
            "Exit codes: 0 all accepted or duplicates, 5 some quarantined or changed, 3 input not found, 1 usage, " +
            "75 no space left on the device (what fitted is stored; free space and run again).")
        {
            paths, collection, site, parallel, profile, data, maxEntry, maxRatio, maxDepth,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(collection)!, parse.GetValue(site),
            parse.GetValue(parallel), parse.GetValue(profile), parse.GetValue(data)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct,
            ArchiveOptions.Limits(parse, maxEntry, maxRatio, maxDepth)));
        return command;
    }

    /// <summary>With <paramref name="site"/> every path belongs to it; without, each path is <c>PATH=SITE</c>.</summary>
    public static Task<int> RunAsync(string[] paths, string collection, string? site, int parallel, string? profile, DirectoryInfo dataDir,
        TextWriter stdout, TextWriter stderr, CancellationToken ct, ArchiveLimits? limits = null)
    {
        DeidProfile? resolved = null;
        try
        {
            resolved = profile is null ? null : DeidProfile.Resolve(profile);
        }
        catch (Exception ex) when (ex is DeidentificationException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ricord ingest: --profile: {ex.Message}");
            return Task.FromResult(ex is DeidentificationException ? ExitCodes.InvalidInput : ExitCodes.FileNotFound);
        }

        return RunAsync(paths, collection, site, parallel, dataDir, stdout, stderr, ct, resolved, limits);
    }

    public static Task<int> RunAsync(string[] paths, string collection, string? site, int parallel, DirectoryInfo dataDir,
        TextWriter stdout, TextWriter stderr, CancellationToken ct, DeidProfile? profile = null, ArchiveLimits? limits = null,
        IdentifierMode identifiers = IdentifierMode.Deidentify)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sites = new List<(string Site, List<string> Paths)>();
        for (int i = 0; i < paths.Length; i++)
        {
            int eq = paths[i].LastIndexOf('=');
            if (site is null && (eq <= 0 || eq == paths[i].Length - 1))
            {
                stderr.WriteLine($"ricord ingest: input #{i + 1} names no site: give --site SITE, or each input as PATH=SITE");
                return Task.FromResult(ExitCodes.Usage);
            }

            var (code, path) = site is null ? (paths[i][(eq + 1)..], paths[i][..eq]) : (site, paths[i]);
            if (RegistryCodes.Problem(code, site: true) is { } problem)
            {
                stderr.WriteLine($"ricord ingest: input #{i + 1}: '{code}': {problem}");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (sites.FindIndex(s => s.Site == code) is var at and >= 0)
            {
                sites[at].Paths.Add(path);
            }
            else
            {
                sites.Add((code, [path]));
            }
        }

        return RunAsync([.. sites.Select(s => (s.Site, s.Paths.ToArray()))], collection, parallel, dataDir, stdout, stderr, ct, profile, limits, identifiers);
    }

    /// <summary>Every site's inputs in one process and one pass of the pipeline (one start-up, one catalog connection pool);
    /// zip archives opened within <c>limits</c> (<see cref="ArchiveLimits.Default"/> when null).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<(string Site, string[] Paths)> sites, string collection, int parallel, DirectoryInfo dataDir,
        TextWriter stdout, TextWriter stderr, CancellationToken ct, DeidProfile? profile = null, ArchiveLimits? limits = null,
        IdentifierMode identifiers = IdentifierMode.Deidentify)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var all = sites.SelectMany(s => s.Paths).ToArray();
        if (all.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            stderr.WriteLine($"ricord ingest: input #{Array.IndexOf(all, missing) + 1} does not exist");
            return ExitCodes.FileNotFound;
        }

        using var data = await CliData.OpenAsync(dataDir, ct).ConfigureAwait(false);
        var report = new IngestReport();
        // The files the walk will take (hidden ones too; unreadable folders skipped); an archive counts as one.
        long total = all.Sum(p => Directory.Exists(p) ? IngestSource.CountFolderFiles(p) : 1);
        var clock = Stopwatch.StartNew();
        var pipeline = data.CreateIngestPipeline(profile);
        // One pass for all sites: one set of workers and one group commit, so no site waits for the last batch of the one before.
        var inputs = sites.Select(s => new IngestInput(IngestSource.EnumerateAsync(s.Paths, limits ?? ArchiveLimits.Default, ct),
            new IngestOptions { Collection = collection, SiteCode = s.Site, Parallelism = Math.Max(1, parallel), Identifiers = identifiers })).ToList();
        var run = Task.Run(() => pipeline.RunAsync(inputs, report, ct), ct);
        try
        {
            await CliProgress.TrackAsync(stdout, "Ingesting", total, () => report.Processed, () => report.Bytes, run).ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
        catch (StorageFullException full)
        {
            report.Elapsed = clock.Elapsed;
            Summarize(report, sites.Count, stdout);
            stderr.WriteLine($"ricord ingest: no space left on the device of {dataDir.FullName}: {full.Where} could not be written. " +
                $"{full.StoredInstances} instances ({full.StoredBytes / 1e6:F1} MB) were stored and indexed, each whole; the rest were not taken. " +
                "Free space and run the same command again: it stores the rest and nothing twice.");
            return ExitCodes.NoSpace;
        }
        report.Elapsed = clock.Elapsed;
        Summarize(report, sites.Count, stdout);
        return report.Quarantined + report.Changed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }

    private static void Summarize(IngestReport report, int sites, TextWriter stdout)
    {
        var console = CliProgress.Console(stdout);
        var table = new Table().AddColumn("outcome").AddColumn(new TableColumn("instances").RightAligned());
        table.AddRow("accepted", report.Accepted.ToString(CultureInfo.InvariantCulture));
        table.AddRow("duplicates", report.Duplicates.ToString(CultureInfo.InvariantCulture));
        table.AddRow("changed (same UID, other content)", report.Changed.ToString(CultureInfo.InvariantCulture));
        foreach (var (reason, n) in report.QuarantinedByReason.OrderBy(kv => kv.Key))
        {
            table.AddRow($"quarantined: {reason}", n.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        DeidSummary.Write(console, report.ResidualHitsByAttribute, report.BinaryRemovedByAttribute);
        double seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-6);
        console.WriteLine(FormattableString.Invariant($"{sites} site(s), {report.Commits} group commits"));
        console.WriteLine(FormattableString.Invariant(
            $"{report.Processed} instances, {report.Bytes / 1e6:F1} MB in {seconds:F2} s: {report.Processed / seconds:F0} instances/s, {report.Bytes / 1e6 / seconds:F1} MB/s"));
    }
}
