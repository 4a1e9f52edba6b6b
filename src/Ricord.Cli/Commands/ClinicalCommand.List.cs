using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Ricord.Clinical;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord clinical list</c> and <c>ricord clinical show PATIENT</c>: what is stored (all of it de-identified).</summary>
public static partial class ClinicalCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static Command List()
    {
        var site = new Option<string?>("--site") { Description = "Only this site code." };
        var collection = new Option<string?>("--collection") { Description = "Only this collection." };
        var limit = new Option<int>("--limit") { Description = "At most this many records.", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var data = CliData.CreateOption();
        var command = new Command("list", "List stored clinical records by pseudonymous patient, source file and line.") { site, collection, limit, json, data };
        command.SetAction(async (parse, ct) =>
        {
            if (!CliData.Exists(parse.GetValue(data)!, parse.InvocationConfiguration.Error))
            {
                return ExitCodes.FileNotFound;
            }

            var rows = await QueryAsync(parse.GetValue(data)!, parse.GetValue(site), parse.GetValue(collection), null, parse.GetValue(limit), ct).ConfigureAwait(false);
            Print(rows, parse.GetValue(json), parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var patient = new Argument<string>("patient") { Description = "Pseudonymous PatientID, e.g. RICORD-1A-419639-000001." };
        var data = CliData.CreateOption();
        var command = new Command("show", "Show one patient's clinical records as JSON. Exit code 3 when the patient has none.") { patient, data };
        command.SetAction(async (parse, ct) =>
        {
            if (!CliData.Exists(parse.GetValue(data)!, parse.InvocationConfiguration.Error))
            {
                return ExitCodes.FileNotFound;
            }

            var rows = await QueryAsync(parse.GetValue(data)!, null, null, parse.GetValue(patient), int.MaxValue, ct).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord clinical show: no clinical records for patient {parse.GetValue(patient)}");
                return ExitCodes.FileNotFound;
            }

            Print(rows, json: true, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<IReadOnlyList<ClinicalRecordEntry>> QueryAsync(DirectoryInfo dataDir, string? site, string? collection, string? patient, int limit, CancellationToken ct)
    {
        using var data = await CliData.OpenAsync(dataDir, ct).ConfigureAwait(false);
        return await data.Get<ClinicalListingService>().ListAsync(Actor.Local, new ClinicalListQuery(site, collection, patient, limit), ct).ConfigureAwait(false);
    }

    private static void Print(IReadOnlyList<ClinicalRecordEntry> rows, bool json, TextWriter output)
    {
        if (json)
        {
            var array = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["patient"] = r.Patient,
                ["collection"] = r.Collection,
                ["site"] = r.Site,
                ["source"] = r.Source,
                ["line"] = r.Line,
                ["values"] = JsonNode.Parse(r.Values),
            })]);
            output.WriteLine(array.ToJsonString(Json));
            return;
        }

        // One table column per stored clinical column, in first-seen order; sheets of different sites may differ.
        var parsed = rows.Select(r => (Row: r, Values: JsonNode.Parse(r.Values)!.AsObject())).ToList();
        var names = parsed.SelectMany(p => p.Values.Select(kv => kv.Key)).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumns("patient", "source", "line");
        foreach (var name in names)
        {
            table.AddColumn(Markup.Escape(name));
        }

        foreach (var (r, values) in parsed)
        {
            var cells = new List<string> { Markup.Escape(r.Patient), Markup.Escape(r.Source), r.Line.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(names.Select(n => Markup.Escape(values[n]?.GetValue<string>() ?? "")));
            table.AddRow([.. cells]);
        }

        CliTable.Write(output, table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} records"));
    }
}
