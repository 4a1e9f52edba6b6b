using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ricord.Cli.Commands;

/// <summary>`--json` output of list commands: one indented JSON array of camelCase objects, so scripts can read it.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Option<bool> Option(string fields) => new("--json") { Description = $"Print a JSON array ({fields}) instead of a table." };

    public static void WriteArray<T>(TextWriter output, IEnumerable<T> rows, Func<T, JsonObject> shape) =>
        output.WriteLine(new JsonArray([.. rows.Select(r => (JsonNode)shape(r))]).ToJsonString(Indented));
}
