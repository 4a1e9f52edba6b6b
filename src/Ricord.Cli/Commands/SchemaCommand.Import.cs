using System.CommandLine;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

public static partial class SchemaCommand
{
    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "A label schema JSON file (see `ricord schema show NAME --json`)." };
        var actor = new Option<string>("--as") { Description = "Who imports (recorded in the audit trail). Default: the login name.", DefaultValueFactory = _ => Environment.UserName };
        var data = CliData.CreateOption();
        var cmd = new Command("import",
            "Store a label schema in the catalog under its name and version, for `ricord project create --schema`. A version is immutable: the same " +
            "text again changes nothing, other text under a stored version is refused. Exit codes: 0 created or unchanged, 2 invalid schema or " +
            "version clash, 3 file not found, 1 usage.")
        {
            file, actor, data,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var f = parse.GetValue(file)!;
            var error = parse.InvocationConfiguration.Error;
            if (!f.Exists)
            {
                error.WriteLine($"ricord schema import: {f.Name}: file not found");
                return ExitCodes.FileNotFound;
            }

            string text = await File.ReadAllTextAsync(f.FullName, ct).ConfigureAwait(false);
            using RicordDataDirectory dir = await CliData.OpenAsync(parse.GetValue(data)!, ct).ConfigureAwait(false);
            try
            {
                var (stored, created) = await new SchemaStore(dir.CatalogOptions).ImportAsync(text, parse.GetValue(actor)!, ct).ConfigureAwait(false);
                parse.InvocationConfiguration.Output.WriteLine($"schema {stored.Name} v{stored.Version}: {(created ? "created" : "unchanged (already stored)")}");
                return ExitCodes.Success;
            }
            catch (LabelSchemaException ex)
            {
                WriteProblems("ricord schema import", f.Name, ex, error);
                return ExitCodes.InvalidInput;
            }
            catch (ReadingException ex)
            {
                error.WriteLine($"ricord schema import: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return cmd;
    }

    private static void WriteProblems(string command, string file, LabelSchemaException ex, TextWriter error)
    {
        error.WriteLine($"{command}: {file}: not a valid label schema ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}):");
        foreach (var e in ex.Errors)
        {
            error.WriteLine($"  {e}");
        }
    }
}
