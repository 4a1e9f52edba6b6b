using System.CommandLine;
using System.Globalization;
using Ricord.Clinical;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord clinical import|list|show</c>: a site's clinical spreadsheet, joined to its pseudonymous patients.</summary>
public static partial class ClinicalCommand
{
    private const int MaxIssuesShown = 50;

    public static Command Create()
    {
        var command = new Command("clinical",
            "Clinical data (age, sex, RT-PCR, admission, outcome …) from the sites' spreadsheets, de-identified and joined to the " +
            "pseudonymous patients that ingest made. See docs/clinical.md.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "The site's clinical sheet: CSV (comma, semicolon or tab; UTF-8 or Latin-1) or XLSX." };
        var site = CliCodes.Site(new Option<string[]>("--site")
        {
            Description = "Site whose MRNs the sheet holds, e.g. 419639 (as given to `ricord ingest`); repeat it for a release's one sheet of several sites.",
            Required = true,
        });
        var collection = CliCodes.Collection(new Option<string?>("--collection") { Description = "Only patients of this collection (needed when an MRN is linked in several)." });
        var sheet = new Option<string?>("--sheet") { Description = "XLSX sheet name (default: the first), e.g. 'CR Pos - TCIA Submission'." };
        var dateFormat = new Option<string?>("--date-format") { Description = "Day/month order of the sheet's dates, e.g. dd.MM.yyyy or MM/dd/yyyy (default: detected; ISO dates always read)." };
        var mrnColumn = new Option<string?>("--mrn-column") { Description = "Header of the MRN column (default: MRN, Anon MRN, Patient ID, Medical Record Number …; case and spaces ignored)." };
        var source = new Option<string?>("--source") { Description = "Name the rows are stored under (default: the file's name); re-importing under the same name replaces them." };
        var data = CliData.CreateOption();
        var command = new Command("import",
            "Import a site's clinical sheet. Each row's MRN is looked up in the link table (secrets/) and the row is stored for the " +
            "pseudonymous patient; the MRN itself is never stored or printed. Identifying columns (names, contact, other IDs, birth date, " +
            "staff, places, free text) are dropped; dates are shifted by the patient's own offset, as in the images; other columns are kept. " +
            "Rows of patients not in the link table are counted, not stored. Re-importing the same file replaces its records. " +
            "Problems are reported by line and column, never by value. " +
            "Exit codes: 0 every row stored whole, 5 some rows or values left out, 2 the file cannot be imported (no MRN column, ambiguous dates), " +
            "3 file not found, 1 usage.")
        {
            file, site, collection, sheet, dateFormat, mrnColumn, source, data,
        };
        command.SetAction((parse, ct) => RunImportAsync(parse.GetValue(file)!, new ClinicalImportOptions
        {
            SiteCodes = parse.GetValue(site)!,
            Collection = parse.GetValue(collection),
            SourceName = parse.GetValue(source) ?? parse.GetValue(file)!.Name.Trim(),
            DateFormat = parse.GetValue(dateFormat),
            KeyColumn = parse.GetValue(mrnColumn),
        }, parse.GetValue(sheet), parse.GetValue(data)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, columns: true, ct));
        return command;
    }

    /// <summary>Runs one import and prints its report (with the table of columns unless <paramref name="columns"/> is false);
    /// the exit code follows <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunImportAsync(FileInfo file, ClinicalImportOptions options, string? sheet, DirectoryInfo dataDir,
        TextWriter stdout, TextWriter stderr, bool columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (!file.Exists)
        {
            // The path itself is not echoed: export file names often carry a patient's name.
            stderr.WriteLine("ricord clinical import: the file does not exist");
            return ExitCodes.FileNotFound;
        }

        ClinicalImportReport report;
        try
        {
            using var data = await CliData.OpenAsync(dataDir, ct).ConfigureAwait(false);
            report = await data.Get<ClinicalImporter>().ImportFileAsync(Actor.Local, file.FullName, sheet, options, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ClinicalDataException or ArgumentException)
        {
            stderr.WriteLine($"ricord clinical import: {ex.Message}");
            return ex is ClinicalDataException ? ExitCodes.InvalidInput : ExitCodes.Usage;
        }

        Summarize(report, options.SiteCodes, stdout, columns);
        return report.NotStored > 0 || report.Issues.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }

    private static void Summarize(ClinicalImportReport report, IReadOnlyList<string> sites, TextWriter stdout, bool columns)
    {
        string site = (sites.Count == 1 ? "site " : "sites ") + string.Join(", ", sites);
        if (columns)
        {
            var table = new Table().AddColumns("column", "stored as");
            foreach (var c in report.Columns)
            {
                table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Kind switch
                {
                    ClinicalColumnKind.Key => "MRN → pseudonymous patient (not stored)",
                    ClinicalColumnKind.Identifying => $"dropped ({c.Reason})",
                    ClinicalColumnKind.Temporal => "shifted by the patient's date offset (ISO 8601)",
                    ClinicalColumnKind.Uid => "remapped like ingest remaps UIDs",
                    _ => "kept",
                }));
            }

            CliTable.Write(stdout, table);
        }

        // Plain lines, not the console: they must not wrap (scripts and tests read them).
        stdout.WriteLine(FormattableString.Invariant(
            $"{site}: {Count(report.Rows, "row")}, {Count(report.Stored, "record")} stored for {Count(report.Patients, "patient")} ({Count(report.Replaced, "earlier record")} replaced); dates read as {report.DateFormat}"));
        if (report.NotLinkedLines.Count > 0)
        {
            stdout.WriteLine(FormattableString.Invariant(
                $"not in the link table for {site} (not stored): {Count(report.NotLinkedLines.Count, "row")}, lines {Lines(report.NotLinkedLines)}"));
        }

        foreach (var issue in report.Issues.Take(MaxIssuesShown))
        {
            stdout.WriteLine(issue + (issue.RowSkipped ? " (row not stored)" : ""));
        }

        if (report.Issues.Count > MaxIssuesShown)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {report.Issues.Count - MaxIssuesShown} more problems"));
        }
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Lines(List<int> lines) =>
        string.Join(", ", lines.Take(MaxIssuesShown).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > MaxIssuesShown ? ", …" : "");
}
