using System.CommandLine;
using Ricord.Annotation.Projects;
using Ricord.Catalog;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

/// <summary>
/// <c>ricord project create|assign|status</c>: reading projects. The CLI works on the catalog directly, so it acts
/// as a curator: the <c>--as</c> user (default: the login name) is made a curator if they are not one yet.
/// </summary>
public static partial class ProjectCommand
{
    public static Command Create()
    {
        var command = new Command("project", "Reading projects: which studies are read, by whom, against which label schema, and when they go to adjudication.");
        command.Subcommands.Add(CreateProject());
        command.Subcommands.Add(Assign());
        command.Subcommands.Add(Status());
        return command;
    }

    private static Command CreateProject()
    {
        var name = new Argument<string>("name") { Description = "Project name, e.g. 1C-reading." };
        var collection = new Option<string>("--collection") { Description = "Collection whose studies are read, e.g. RICORD-1C.", Required = true };
        var schema = new Option<string>("--schema") { Description = "Label schema name (import it first with `ricord schema import`).", Required = true };
        var schemaVersion = new Option<int?>("--schema-version") { Description = "Schema version (default: the latest)." };
        var readers = new Option<string?>("--readers") { Description = "Readers' user names, comma-separated (r1,r2,r3); created if new." };
        var perStudy = new Option<int?>("--per-study") { Description = "Readers per study (default 3 for radiographs CR/DX, else 1)." };
        var adjudicators = new Option<string?>("--adjudicators") { Description = "Adjudicators' user names, comma-separated." };
        var rule = new Option<string>("--rule") { Description = "When a study goes to adjudication.", DefaultValueFactory = _ => "no-majority" };
        rule.AcceptOnlyFromAmong("no-majority", "any-disagreement");
        var modality = new Option<string?>("--modality") { Description = "Only studies with a series of these modalities, comma-separated (CR,DX)." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("create", "Create a project from a collection's studies and assign them, balanced and deterministic, to the readers.")
        {
            name, collection, schema, schemaVersion, readers, perStudy, adjudicators, rule, modality, actor, data,
        };
        cmd.SetAction((parse, ct) => RunAsync(parse, data, actor, async (projects, curator) =>
        {
            var definition = new ReadingProjectDefinition(
                parse.GetValue(name)!,
                parse.GetValue(collection)!,
                parse.GetValue(schema)!,
                parse.GetValue(schemaVersion),
                parse.GetValue(perStudy),
                List(parse.GetValue(readers)),
                List(parse.GetValue(adjudicators)),
                parse.GetValue(rule) == "any-disagreement" ? AdjudicationTrigger.AnyDisagreement : AdjudicationTrigger.NoMajority,
                List(parse.GetValue(modality)));
            var result = await projects.CreateProjectAsync(curator, definition, ct).ConfigureAwait(false);
            var status = await projects.GetStatusAsync(curator, definition.Name, ct).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine(
                $"project {status.Name}: {result.Studies} studies of {status.Collection}, schema {status.SchemaName} v{status.SchemaVersion}, " +
                $"{status.ReadersPerStudy} readers per study, {result.Added} reads assigned, adjudication on {Rule(status.Trigger)}");
        }, ct));
        return cmd;
    }

    private static Command Assign()
    {
        var name = new Argument<string>("name") { Description = "Project name." };
        var addReader = new Option<string?>("--add-reader") { Description = "Add a reader; unstarted reads are rebalanced onto them." };
        var removeReader = new Option<string?>("--remove-reader") { Description = "Remove a reader; their unstarted reads go to the others, started and submitted reads stay." };
        var addAdjudicator = new Option<string?>("--add-adjudicator") { Description = "Add an adjudicator." };
        var removeAdjudicator = new Option<string?>("--remove-adjudicator") { Description = "Remove an adjudicator." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("assign", "Add studies that arrived since the last pass and rebalance unstarted reads; optionally add or remove one member first.")
        {
            name, addReader, removeReader, addAdjudicator, removeAdjudicator, actor, data,
        };
        cmd.SetAction((parse, ct) => RunAsync(parse, data, actor, async (projects, curator) =>
        {
            string project = parse.GetValue(name)!;
            var output = parse.InvocationConfiguration.Output;
            (string? User, ReadingRole Role, bool Add)[] changes =
            [
                (parse.GetValue(addReader), ReadingRole.Reader, true),
                (parse.GetValue(removeReader), ReadingRole.Reader, false),
                (parse.GetValue(addAdjudicator), ReadingRole.Adjudicator, true),
                (parse.GetValue(removeAdjudicator), ReadingRole.Adjudicator, false),
            ];
            foreach (var (user, role, add) in changes.Where(c => !string.IsNullOrWhiteSpace(c.User)))
            {
                var r = add
                    ? await projects.AddMemberAsync(curator, project, user!, role, ct).ConfigureAwait(false)
                    : await projects.RemoveMemberAsync(curator, project, user!, role, ct).ConfigureAwait(false);
                output.WriteLine($"{(add ? "added" : "removed")} {role.ToString().ToLowerInvariant()} {user}: {Summary(r)}");
            }

            output.WriteLine($"assign {project}: {Summary(await projects.AssignAsync(curator, project, ct).ConfigureAwait(false))}");
        }, ct));
        return cmd;
    }

    private static Option<string> ActorOption() => new("--as")
    {
        Description = "Who acts (recorded in the audit trail); made a curator if not one. Default: the login name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    /// <summary>Opens the data directory, makes the actor a curator, runs <paramref name="body"/>; reading errors become exit code 2.</summary>
    private static async Task<int> RunAsync(ParseResult parse, Option<DirectoryInfo> data, Option<string> actor,
        Func<ReadingProjectService, ReadingActor, Task> body, CancellationToken ct)
    {
        using RicordDataDirectory dir = await CliData.OpenAsync(parse.GetValue(data)!, ct).ConfigureAwait(false);
        var projects = dir.Get<ReadingProjectService>();
        var curator = new ReadingActor(parse.GetValue(actor)!, ReadingRole.Curator);
        try
        {
            await projects.EnsureUserAsync(curator.User, ReadingRole.Curator, ct).ConfigureAwait(false);
            await body(projects, curator).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ReadingException or ReadingAccessException or ReadConcurrencyException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"ricord project: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private static List<string>? List(string? csv) =>
        csv?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Summary(AssignmentResult r) =>
        $"{r.Studies} studies, {r.Added} reads added, {r.Moved} moved, {r.Removed} removed";

    private static string Rule(AdjudicationTrigger t) => t == AdjudicationTrigger.AnyDisagreement ? "any disagreement" : "no majority";
}
