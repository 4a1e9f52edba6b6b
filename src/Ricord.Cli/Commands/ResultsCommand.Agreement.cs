using System.CommandLine;
using System.Globalization;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Results;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class ResultsCommand
{
    public static Command Agreement()
    {
        var project = ProjectOption();
        var format = FormatOption("group-level statistics with 95% intervals");
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = OutputOption();
        var bootstrap = new Option<int>("--bootstrap")
        {
            HelpName = "N",
            Description = "Bootstrap resamples over studies for the 95% percentile intervals (0: no intervals).",
            DefaultValueFactory = _ => AgreementOptions.Default.BootstrapResamples,
        };
        bootstrap.Validators.Add(r =>
        {
            if (r.GetValue(bootstrap) < 0)
            {
                r.AddError("--bootstrap must be 0 or more.");
            }
        });
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "Seed of the resampling (same seed and reads, same intervals).", DefaultValueFactory = _ => AgreementOptions.Default.Seed };
        var segmentation = new Option<bool>("--segmentation")
        {
            Description = "Also measure the drawings: per drawn label, study and reader pair Dice, IoU, volumes (mL) and their difference, " +
                "and each reader against the majority-vote consensus mask (voxel sizes from the series' DICOM headers in the blob store).",
        };
        var confusion = new Option<FileInfo?>("--confusion") { HelpName = "FILE", Description = "Also write every confusion matrix as CSV to FILE (group, reader_a, reader_b, category_a, category_b, count)." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("agreement",
            "Inter-reader agreement in a reading project over its complete studies: per single-choice label group percent agreement, " +
            "unanimity and Fleiss' κ; per reader pair and reader versus consensus percent agreement, Cohen's κ and (ordinal groups) " +
            "linear and quadratic weighted κ; with --segmentation Dice/IoU/volumes per drawn label. CSV columns: kind, group, study, " +
            "statistic, reader_a, reader_b, n, value, ci_lower, ci_upper, note.")
        {
            project, format, output, bootstrap, seed, segmentation, confusion, actor, data,
        };
        cmd.SetAction((parse, ct) => RunAsync(parse, "agreement", data, actor, async (results, curator) =>
        {
            var terminal = parse.InvocationConfiguration.Output;
            var options = new AgreementOptions(parse.GetValue(bootstrap), parse.GetValue(seed));
            int done = 0, total = 0;
            var progress = new Progress<SegmentationProgress>(p => (done, total) = (p.Done, p.Total));
            var work = results.GetAgreementAsync(curator, parse.GetValue(project)!, options, parse.GetValue(segmentation), progress, ct);
            if (parse.GetValue(segmentation))
            {
                await CliProgress.TrackAsync(terminal, "segmentation: studies", () => total, () => done, null, work).ConfigureAwait(false);
            }

            var agreement = await work.ConfigureAwait(false);
            await DeliverAsync(parse, format, output, w => WriteAgreementTables(agreement, w), agreement.Report.WriteCsv, agreement.Report.WriteJson,
                AgreementLine(agreement), ct).ConfigureAwait(false);
            if (parse.GetValue(confusion) is { } matrices)
            {
                await WriteAsync(matrices, parse.InvocationConfiguration.Output, Text(agreement.Report.WriteConfusionCsv), ct).ConfigureAwait(false);
            }
        }, ct));
        return cmd;
    }

    /// <summary>The group-level statistics as an aligned table, the segmentation per study (reader pairs and each reader
    /// against the consensus mask), then what could not be measured and the summary line.</summary>
    public static void WriteAgreementTables(ProjectAgreement agreement, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(output);
        agreement.Report.WriteTable(output);
        if (agreement.Report.Segmentations.Count > 0)
        {
            var table = new Table { Title = new TableTitle("segmentation per study") };
            table.AddColumns("study", "label", "readers", "Dice", "IoU", "mL A", "mL B", "ΔV mL");
            foreach (var s in agreement.Report.Segmentations)
            {
                foreach (var p in s.Pairs.Concat(s.VersusConsensus))
                {
                    table.AddRow(Markup.Escape(s.Patient is null ? s.Study : $"{s.Study} ({s.Patient})"), Markup.Escape(s.Label), Markup.Escape($"{p.ReaderA} vs {p.ReaderB}"),
                        Fixed(p.Dice), Fixed(p.Iou), Fixed(p.VolumeAMl), Fixed(p.VolumeBMl), Fixed(p.VolumeDifferenceMl));
                }
            }

            ConsoleFor(output).Write(table);
        }

        foreach (var issue in agreement.Issues)
        {
            output.Write($"note: {issue}\n");
        }

        output.Write(AgreementLine(agreement) + "\n");
    }

    private static string Fixed(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F3", CultureInfo.InvariantCulture);

    private static string AgreementLine(ProjectAgreement a) =>
        $"project {a.Project}: {Int(a.Studies)} complete studies, {Int(a.Report.Labels.Count)} label groups, " +
        $"{Int(a.Report.Segmentations.Count)} segmentations measured ({Int(a.ConsensusMasks.Count)} consensus masks), " +
        $"{Int(a.Report.Options.BootstrapResamples)} bootstrap resamples (seed {a.Report.Options.Seed})" +
        (a.BlindedStudies > 0 ? $"; {Int(a.BlindedStudies)} studies left out (read by the asking user)" : "");
}
