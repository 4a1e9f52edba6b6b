using System.CommandLine;
using System.Text.Json.Nodes;
using Ricord.Annotation.Schemas;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord schema list|show NAME [--json]|validate FILE|import FILE</c>: the built-in label schemas, checking a schema file, storing one in the catalog.</summary>
public static partial class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Label schemas (JSON; docs/schemas.md): list and show the built-in ones (ricord-ct, ricord-cxr), validate a schema file, import one into the catalog.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command List()
    {
        var json = CliJson.Option("name, version, description, groups with their labels");
        var cmd = new Command("list", "List the built-in label schemas: name, version, groups, labels and description.") { json };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.WriteArray(output, BuiltinSchemas.Names.Select(n => BuiltinSchemas.Get(n)!), s => new()
                {
                    ["name"] = s.Name,
                    ["version"] = s.Version,
                    ["description"] = s.Description,
                    ["groups"] = new JsonArray([.. s.Groups.Select(g => (JsonNode)new JsonObject
                    {
                        ["name"] = g.Name,
                        ["labels"] = new JsonArray([.. g.Labels.Select(l => (JsonNode)JsonValue.Create(l.Name)!)]),
                    })]),
                });
                return ExitCodes.Success;
            }

            foreach (var name in BuiltinSchemas.Names)
            {
                var s = BuiltinSchemas.Get(name)!;
                output.WriteLine($"{s.Name} v{s.Version}  {s.Groups.Count} groups, {s.Groups.Sum(g => g.Labels.Count)} labels");
                output.WriteLine($"    {s.Description}");
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Show()
    {
        var name = new Argument<string>("name") { Description = "A built-in schema name (see `ricord schema list`)." };
        var json = new Option<bool>("--json") { Description = "Print the schema's JSON exactly as shipped instead of a listing." };
        var cmd = new Command("show", "Show a built-in schema: groups (scope, mode, required, ordinal, condition) and labels, names quoted so every space shows.") { name, json };
        cmd.SetAction(parse =>
        {
            string n = parse.GetValue(name)!;
            if (BuiltinSchemas.Json(n) is not { } text)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord schema: no built-in schema '{n}' (built-in: {string.Join(", ", BuiltinSchemas.Names)})");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(json))
            {
                parse.InvocationConfiguration.Output.Write(text);
            }
            else
            {
                Print(LabelSchemaJson.Parse(text), parse.InvocationConfiguration.Output);
            }

            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "A label schema JSON file." };
        var cmd = new Command("validate", "Check a label schema file: JSON shape, then structure (unique names after normalisation, ordinals, scopes, colours, conditions). Exit 2 with every problem listed when invalid.") { file };
        cmd.SetAction(async (parse, ct) =>
        {
            var f = parse.GetValue(file)!;
            var error = parse.InvocationConfiguration.Error;
            if (!f.Exists)
            {
                error.WriteLine($"ricord schema: {f.FullName}: file not found");
                return ExitCodes.FileNotFound;
            }

            string text = await File.ReadAllTextAsync(f.FullName, ct).ConfigureAwait(false);
            try
            {
                var s = LabelSchemaJson.Parse(text);
                parse.InvocationConfiguration.Output.WriteLine($"{f.Name}: valid label schema {s.Name} v{s.Version} ({s.Groups.Count} groups, {s.Groups.Sum(g => g.Labels.Count)} labels)");
                return ExitCodes.Success;
            }
            catch (LabelSchemaException ex)
            {
                WriteProblems("ricord schema", f.Name, ex, error);
                return ExitCodes.InvalidInput;
            }
        });
        return cmd;
    }
}
