using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ricord.Catalog;
using Ricord.Search;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord query</c>: QIDO-style study search over the catalog.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var collection = new Option<string?>("--collection") { Description = "Only this collection." };
        var site = new Option<string?>("--site") { Description = "Only this site code." };
        var patient = new Option<string?>("--patient") { Description = "Pseudonymous PatientID; * and ? wildcards allowed." };
        var dates = new Option<string?>("--date") { Description = "StudyDate or range, DICOM or ISO 8601: 20200101, 20200101-20201231, -20201231, 20200101-, 2020-01-01, 2020-01-01..2020-12-31, ..2020-12-31, 2020-01-01..." };
        var modality = new Option<string?>("--modality") { Description = "Modality in study, e.g. CT, CR, DX." };
        var accession = new Option<string?>("--accession") { Description = "Accession number (de-identified)." };
        var description = new Option<string?>("--description") { Description = "Study description contains (case-insensitive; wildcards allowed)." };
        var limit = new Option<int>("--limit") { Description = $"Page size, 1 to {DatabaseCatalog.MaxLimit}.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            // Only a number out of range: a value that is no number is reported by the parser itself.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n is < 1 or > DatabaseCatalog.MaxLimit)
            {
                r.AddError($"--limit must be between 1 and {DatabaseCatalog.MaxLimit}.");
            }
        });
        var after = new Option<string?>("--after") { Description = "Cursor from the previous page's 'next' line (keyset paging)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (one object with items and next) instead of a table." };
        var data = CliData.CreateOption();
        var command = new Command("query", "Search studies in the catalog (like QIDO-RS /studies), newest first, with keyset paging.")
        {
            collection, site, patient, dates, modality, accession, description, limit, after, json, data,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var result = await dir.Get<StudySearchService>().SearchAsync(Actor.Local, new StudySearch
            {
                Collection = parse.GetValue(collection), SiteCode = parse.GetValue(site), PatientId = parse.GetValue(patient),
                Dates = parse.GetValue(dates), Modality = parse.GetValue(modality), AccessionNumber = parse.GetValue(accession),
                StudyDescription = parse.GetValue(description), Limit = parse.GetValue(limit), After = parse.GetValue(after),
            }, ct).ConfigureAwait(false);
            if (result.Page is not { } page)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord query: --{(result.Field == "dates" ? "date" : result.Field)}: {result.Problem}");
                return ExitCodes.Usage;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(page, new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("patient", "study date", "modalities", "description", "series", "instances", "study UID");
            foreach (var s in page.Items)
            {
                table.AddRow(Markup.Escape(s.PatientId), s.StudyDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(s.ModalitiesInStudy),
                    Markup.Escape(s.StudyDescription ?? ""), s.NumberOfSeries.ToString(CultureInfo.InvariantCulture),
                    s.NumberOfInstances.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.StudyInstanceUid));
            }

            CliTable.Write(output, table);
            output.WriteLine(page.Next is null ? $"{page.Items.Count} studies" : $"{page.Items.Count} studies; next: --after {page.Next}");
            return ExitCodes.Success;
        });
        return command;
    }
}
