using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class ProjectCommand
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static Command Status()
    {
        var name = new Argument<string>("name") { Description = "Project name." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("status", "Progress: reads per member (assigned, in progress, submitted), complete studies, adjudication pending and done.")
        {
            name, json, actor, data,
        };
        cmd.SetAction((parse, ct) => RunAsync(parse, data, actor, async (projects, curator) =>
        {
            var status = await projects.GetStatusAsync(curator, parse.GetValue(name)!, ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(status, StatusJson));
                return;
            }

            output.WriteLine($"project {status.Name}: {status.Collection}{(status.Modalities is { } m ? $" ({m.Replace('\\', ',')})" : "")}, " +
                $"schema {status.SchemaName} v{status.SchemaVersion}, {status.ReadersPerStudy} readers per study, adjudication on {Rule(status.Trigger)}");
            output.WriteLine($"studies: {status.Studies}, complete: {status.StudiesComplete}, adjudication pending: " +
                $"{(status.AdjudicationPending is { } p ? p.ToString(CultureInfo.InvariantCulture) : "unknown (no adjudication rule configured)")}, adjudicated: {status.Adjudicated}");
            var table = new Table().AddColumns("member", "role", "active", "assigned", "in progress", "submitted");
            foreach (var member in status.Members)
            {
                table.AddRow(Markup.Escape(member.User), member.Role.ToString().ToLowerInvariant(), member.Active ? "yes" : "no",
                    member.Assigned.ToString(CultureInfo.InvariantCulture), member.InProgress.ToString(CultureInfo.InvariantCulture), member.Submitted.ToString(CultureInfo.InvariantCulture));
            }

            CliTable.Write(output, table);
        }, ct));
        return cmd;
    }
}
