using System.Globalization;
using Ricord.Annotation.Projects;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class ReadCommand
{
    private const int MaxProblemsShown = 50;

    /// <summary>0 when every read was stored or unchanged and every label was in the schema; <see cref="ExitCodes.PartialSuccess"/> otherwise.</summary>
    internal static int ExitCode(ReadImportReport report) =>
        report.AllStored && report.Conversion?.UnknownLabels.Count is null or 0 ? ExitCodes.Success : ExitCodes.PartialSuccess;

    /// <summary>A table of outcomes, then members that joined, the conversion's unknown labels and warnings, and the problems by read.</summary>
    internal static void Summarize(ReadImportReport report, TextWriter stdout)
    {
        var table = new Table().AddColumn("outcome").AddColumn(new TableColumn("reads").RightAligned());
        foreach (var outcome in Enum.GetValues<ReadImportOutcome>())
        {
            table.AddRow(Name(outcome), report.Count(outcome).ToString(CultureInfo.InvariantCulture));
        }

        CliProgress.Console(stdout).Write(table);

        // Plain lines from here: they must not wrap (scripts and tests read them).
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"project {report.Project}: {report.Count(ReadImportOutcome.Imported)} imported, {report.Count(ReadImportOutcome.Replaced)} replaced, " +
            $"{report.Count(ReadImportOutcome.Unchanged)} unchanged, {report.Count(ReadImportOutcome.Conflict)} conflicts, " +
            $"{report.Count(ReadImportOutcome.Rejected)} rejected, {report.Count(ReadImportOutcome.UnknownStudy)} for unknown studies"));
        if (report.Flagged > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flagged: {report.Flagged} reads kept whole with a conflict or an out-of-scope label (listed below)"));
        }

        foreach (var m in report.MembersAdded)
        {
            stdout.WriteLine($"joined the project: {m}");
        }

        if (report.Assignment is { } a)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assignment: {a.Studies} studies, {a.Added} reads added, {a.Moved} moved, {a.Removed} removed"));
        }

        if (report.Conversion is { } c)
        {
            foreach (var u in c.UnknownLabels)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"label not in the schema (left out): '{u.RawName ?? u.LabelId}' of group '{u.MdaiGroup}', {u.Annotations} annotations"));
            }

            foreach (var w in c.Warnings.Take(MaxProblemsShown))
            {
                stdout.WriteLine($"warning: {w}");
            }

            if (c.SkippedAnnotations.Count > 0)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drawings without geometry skipped: {c.SkippedAnnotations.Count}"));
            }
        }

        // A stored read's messages are flags (a published read kept whole: a conflict or an out-of-scope label).
        var problems = report.Results.SelectMany(r => r.Messages.Select(m => $"{(report.Stored(r) ? "flagged" : Name(r.Outcome))}: {m}")).ToList();
        foreach (var p in problems.Take(MaxProblemsShown))
        {
            stdout.WriteLine(p);
        }

        if (problems.Count > MaxProblemsShown)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {problems.Count - MaxProblemsShown} more problems"));
        }
    }

    private static string Name(ReadImportOutcome o) => o switch
    {
        ReadImportOutcome.UnknownStudy => "unknown study",
        _ => o.ToString().ToLowerInvariant(),
    };
}
