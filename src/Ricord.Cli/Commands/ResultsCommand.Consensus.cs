using System.CommandLine;
using System.Globalization;
using Ricord.Annotation.Consensus;
using Ricord.Annotation.Results;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class ResultsCommand
{
    private static readonly ConsensusStatus[] Counted =
        [ConsensusStatus.Agreed, ConsensusStatus.Majority, ConsensusStatus.Adjudicated, ConsensusStatus.NoConsensus, ConsensusStatus.NotAvailable];

    public static Command Consensus()
    {
        var project = ProjectOption();
        var format = FormatOption("a table per study and a summary");
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = OutputOption();
        var study = new Option<string?>("--study") { HelpName = "UID", Description = "Only this study (StudyInstanceUID); refused if the --as user read it." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("consensus",
            "Each study's consensus in a reading project, from the submitted reads: per label group the status (agreed, majority, " +
            "adjudicated, no-consensus, not-available, not-applicable), the consensus label and the readers' votes. Studies still " +
            "being read are listed as incomplete. CSV: one row per study × group (study, group, status, label, votes as label:count;…, " +
            "reads, required_reads, conflicts, adjudicated).")
        {
            project, format, output, study, actor, data,
        };
        cmd.SetAction((parse, ct) => RunAsync(parse, "consensus", data, actor, async (results, curator) =>
        {
            var consensus = await results.GetConsensusAsync(curator, parse.GetValue(project)!, parse.GetValue(study), ct).ConfigureAwait(false);
            await DeliverAsync(parse, format, output, w => WriteConsensusTables(consensus, w), consensus.WriteCsv, consensus.WriteJson, StudyLine(consensus), ct).ConfigureAwait(false);
        }, ct));
        return cmd;
    }

    /// <summary>A table per study (group, status, label, votes), then the counts per group and the summary line.</summary>
    public static void WriteConsensusTables(ProjectConsensus consensus, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        var console = ConsoleFor(output);
        foreach (var s in consensus.Studies)
        {
            if (s.Consensus is null)
            {
                console.WriteLine($"{s.StudyInstanceUid}: incomplete, {s.Readers.Count} of {s.RequiredReads} reads submitted; patient {s.PatientId}");
                continue;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape(
                $"{s.StudyInstanceUid}: {s.Readers.Count} reads ({string.Join(", ", s.Readers)}){(s.Adjudicator is { } a ? $", adjudicated by {a}" : "")}; patient {s.PatientId}")) };
            table.AddColumns("group", "status", "label", "votes");
            foreach (var g in s.Consensus.Groups)
            {
                table.AddRow(Markup.Escape(g.Group), ProjectConsensus.StatusName(g.Status), Markup.Escape(g.Label ?? ""),
                    Markup.Escape(string.Join(", ", g.Votes.Select(v => $"{v.Label} ×{v.Count}")) + (g.Conflicts > 0 ? $" ({g.Conflicts} conflicting)" : "")));
            }

            console.Write(table);
        }

        WriteConsensusSummary(consensus, output);
    }

    /// <summary>The consensus statuses counted per group, the study line and the total line (what <c>ricord demo</c> shows).</summary>
    public static void WriteConsensusSummary(ProjectConsensus consensus, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        var console = ConsoleFor(output);
        var summary = consensus.Summary();
        if (summary.Count > 0)
        {
            var counts = new Table { Title = new TableTitle("consensus per group (complete studies)") };
            counts.AddColumns("group", "agreed", "majority", "adjudicated", "no consensus", "not available", "not applicable");
            foreach (var g in summary)
            {
                counts.AddRow([Markup.Escape(g.Group), .. Enum.GetValues<ConsensusStatus>().Select(st => Int(g[st]))]);
            }

            console.Write(counts);
        }

        console.WriteLine(StudyLine(consensus));
        console.WriteLine("total: " + string.Join(", ", Counted.Select(st => $"{ProjectConsensus.StatusName(st).Replace('-', ' ')} {Int(summary.Sum(g => g[st]))}")));
    }

    private static string StudyLine(ProjectConsensus c)
    {
        int complete = c.Studies.Count(s => s.IsComplete);
        return $"project {c.Project} (schema {c.SchemaName} v{Int(c.SchemaVersion)}): {Int(c.Studies.Count)} studies, {Int(complete)} complete, " +
            $"{Int(c.Studies.Count - complete)} incomplete" + (c.BlindedStudies > 0 ? $"; {Int(c.BlindedStudies)} left out (read by the asking user)" : "") +
            $"; reads required {c.RequiredReadsRule}";
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
