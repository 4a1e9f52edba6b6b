using System.CommandLine;
using System.Globalization;
using Ricord.Ingest;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord quarantine list|show|release|drop</c>: what ingest held back, and why (<see cref="QuarantineService"/>).</summary>
public static partial class QuarantineCommand
{
    public static Command Create()
    {
        var command = new Command("quarantine", "Inspect and resolve what ingest held back (not DICOM, truncated, missing UIDs, burned-in annotation risk, unexpected SOP class, conflicting patient data, an input that cannot be read: a damaged zip archive or entry, a named pipe or device, no permission).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Release());
        command.Subcommands.Add(Drop());
        return command;
    }

    private static Command List()
    {
        var data = CliData.CreateOption();
        var json = new Option<bool>("--json") { Description = "Print a JSON array (id, received, collection, reason, detail, vault) instead of a table." };
        var cmd = new Command("list", "List quarantine entries: id, when, collection, reason and a detail that names tags, never values.") { json, data };
        cmd.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var rows = await dir.Get<QuarantineService>().ListAsync(Actor.Local, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliJson.WriteArray(parse.InvocationConfiguration.Output, rows, r => new()
                {
                    ["id"] = r.Id,
                    ["received"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["collection"] = r.Collection,
                    ["reason"] = r.Reason.ToString(),
                    ["detail"] = r.Detail,
                    ["vault"] = r.Vault,
                });
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "received (UTC)", "collection", "reason", "detail", "vault");
            foreach (var r in rows)
            {
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), r.ReceivedAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(r.Collection),
                    r.Reason.ToString(), Markup.Escape(r.Detail), Markup.Escape(r.Vault ?? ""));
            }

            CliTable.Write(parse.InvocationConfiguration.Output, table);
            parse.InvocationConfiguration.Output.WriteLine($"{rows.Count} entries");
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Drop()
    {
        var id = new Argument<long>("id") { Description = "Quarantine entry id." };
        var data = CliData.CreateOption();
        var cmd = new Command("drop", "Delete a quarantined item for good (its bytes in the secrets folder and its catalog entry).") { id, data };
        cmd.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            if (!await dir.Get<QuarantineService>().DropAsync(Actor.Local, parse.GetValue(id), ct).ConfigureAwait(false))
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: no entry {parse.GetValue(id)}");
                return ExitCodes.InvalidInput;
            }

            parse.InvocationConfiguration.Output.WriteLine($"entry {parse.GetValue(id)} dropped");
            return ExitCodes.Success;
        });
        return cmd;
    }
}
