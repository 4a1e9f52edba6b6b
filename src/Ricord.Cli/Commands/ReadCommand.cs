using System.CommandLine;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Catalog;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord read import|export</c>: reads in and out of a reading project as MD.ai JSON. The CLI acts as a
/// curator (<c>--as</c>, default the login name, made one if needed).</summary>
public static partial class ReadCommand
{
    public static Command Create()
    {
        var command = new Command("read", "Reads of a reading project in and out as MD.ai annotation exports (docs/reading.md).");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "An MD.ai annotation export (JSON)." };
        var project = new Option<string>("--project") { Description = "The reading project to import into (it must exist).", Required = true };
        var uids = new Option<string>("--uids") { Description = "Which UIDs the export carries: catalog (as stored) or original (the site's, as `ricord synth` writes them; remapped as ingest remapped the images).", DefaultValueFactory = _ => "catalog" };
        uids.AcceptOnlyFromAmong("catalog", "original");
        var readerKey = new Option<string>("--reader-key") { Description = "Who a reader is: the label group (RICORD-1C: one group per reader) or the annotation's creator.", DefaultValueFactory = _ => "group" };
        readerKey.AcceptOnlyFromAmong("group", "creator");
        var adjudication = new Option<string>("--adjudication-group") { Description = "The label group whose reads are adjudications.", DefaultValueFactory = _ => "Adjudication" };
        var replace = new Option<bool>("--replace") { Description = "Reopen and resubmit stored reads that differ from the file (audited) instead of reporting conflicts." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("import",
            "Import reads from an MD.ai export into a project: readers and adjudicators become members, each read is validated as a submit and stored " +
            "submitted. Re-importing the same file changes nothing. Exit codes: 0 every read stored or unchanged, 5 some rejected, conflicting, for " +
            "studies not in the project or with labels the schema lacks, 2 invalid file or project, 3 file not found, 1 usage.")
        {
            file, project, uids, readerKey, adjudication, replace, actor, data,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var f = parse.GetValue(file)!;
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!f.Exists)
            {
                stderr.WriteLine("ricord read import: the file does not exist");
                return ExitCodes.FileNotFound;
            }

            using RicordDataDirectory dir = await CliData.OpenAsync(parse.GetValue(data)!, ct).ConfigureAwait(false);
            var options = new ReadImportOptions
            {
                Conversion = new MdaiConversionOptions
                {
                    ReaderKey = parse.GetValue(readerKey) == "creator" ? MdaiReaderKey.ByCreator : MdaiReaderKey.ByGroup,
                    AdjudicationGroup = parse.GetValue(adjudication)!,
                },
                MapUid = parse.GetValue(uids) == "original" ? ReadImportOptions.OriginalUids(dir.LinkTable) : null,
                Replace = parse.GetValue(replace),
                Source = f.Name,
            };
            try
            {
                var curator = await CuratorAsync(dir, parse.GetValue(actor)!, ct).ConfigureAwait(false);
                var export = MdaiJsonReader.ReadFile(f.FullName, ct);
                var service = new ReadImportService(ReadingDefaults.Options(dir.CatalogOptions));
                var report = await TrackAsync(stdout, progress => service.ImportAsync(curator, parse.GetValue(project)!, export, options, progress, ct)).ConfigureAwait(false);
                Summarize(report, stdout);
                return ExitCode(report);
            }
            catch (Exception e) when (e is MdaiFormatException or ReadingException or ReadingAccessException or ReadConcurrencyException)
            {
                stderr.WriteLine($"ricord read import: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return cmd;
    }

    /// <summary>The <c>--as</c> user, made a curator if needed.</summary>
    internal static async Task<ReadingActor> CuratorAsync(RicordDataDirectory dir, string user, CancellationToken ct)
    {
        await new ReadingProjectService(ReadingDefaults.Options(dir.CatalogOptions)).EnsureUserAsync(user, ReadingRole.Curator, ct).ConfigureAwait(false);
        return new ReadingActor(user, ReadingRole.Curator);
    }

    /// <summary>Runs an import with a progress bar on a terminal.</summary>
    internal static async Task<ReadImportReport> TrackAsync(TextWriter stdout, Func<IProgress<ReadImportProgress>, Task<ReadImportReport>> import)
    {
        var counter = new Counter();
        var work = import(counter);
        await CliProgress.TrackAsync(stdout, "Checking reads", () => counter.Total, () => counter.Checked, null, work).ConfigureAwait(false);
        return await work.ConfigureAwait(false);
    }

    private static Option<string> ActorOption() => new("--as")
    {
        Description = "Who acts (recorded in the audit trail); made a curator if not one. Default: the login name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private sealed class Counter : IProgress<ReadImportProgress>
    {
        private long _checked;
        private long _total;

        public long Checked => Interlocked.Read(ref _checked);

        public long Total => Interlocked.Read(ref _total);

        public void Report(ReadImportProgress value)
        {
            Interlocked.Exchange(ref _total, value.Total);
            Interlocked.Exchange(ref _checked, Math.Max(value.Checked, Checked));
        }
    }
}
