using System.CommandLine;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord quarantine show|release</c>: one entry, and its way back in after review.</summary>
public static partial class QuarantineCommand
{
    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "Quarantine entry id (from `list`)." };
        var reveal = new Option<bool>("--reveal-source") { Description = "Also print the original input path, which may identify the patient (kept in the secrets folder)." };
        var data = CliData.CreateOption();
        var cmd = new Command("show", "Show one entry: reason, detail, size; with --reveal-source the original path.") { id, reveal, data };
        cmd.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var entry = await dir.Get<QuarantineService>().ShowAsync(Actor.Local, parse.GetValue(id), parse.GetValue(reveal), ct).ConfigureAwait(false);
            if (entry is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: no entry {parse.GetValue(id)}");
                return ExitCodes.InvalidInput;
            }

            output.WriteLine($"id:       {entry.Id}");
            output.WriteLine($"received: {entry.ReceivedAt:u}");
            output.WriteLine($"reason:   {entry.Reason}");
            output.WriteLine($"detail:   {entry.Detail}");
            if (entry.Held is not { } held)
            {
                output.WriteLine($"sha-256:  {entry.ContentHash} (its bytes are no longer in the secrets folder)");
                return ExitCodes.Success;
            }

            output.WriteLine(held.Size > 0 ? $"size:     {held.Size} bytes" : "size:     no bytes kept (the input was empty, unreadable or too large)");
            output.WriteLine(held.Size > 0 ? $"sha-256:  {entry.ContentHash}" : $"ref:      {entry.ContentHash} (a keyed hash of where it came from, not of content)");
            output.WriteLine($"site:     {held.SiteCode}");
            output.WriteLine(parse.GetValue(reveal) ? $"source:   {held.SourcePath}" : "source:   (hidden; --reveal-source prints it)");
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Release()
    {
        var id = new Argument<long>("id") { Description = "Quarantine entry id." };
        var data = CliData.CreateOption();
        var blank = new Option<bool>("--blank") { Description = "Blank the pixel regions where this device draws text (the matching blanking rule, docs/deid.md) before ingesting." };
        var rules = new Option<FileInfo?>("--rules") { Description = "Pixel rules JSON to take the blanking rule from (default: the built-in rules)." };
        var cmd = new Command("release", "Ingest a quarantined item again after review. Burned-in annotation risk is accepted for this item, and remembered (unless --blank): the same input ingested again is not quarantined again for it; every other check still applies. With --blank, the matching blanking rule is applied first and recorded in the audit trail.") { id, blank, rules, data };
        cmd.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var options = new QuarantineReleaseOptions(parse.GetValue(id), parse.GetValue(blank), parse.GetValue(rules)?.FullName);
            var result = await dir.Get<QuarantineService>().ReleaseAsync(Actor.Local, options, ct).ConfigureAwait(false);
            if (result.Problem is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: {problem}");
                return ExitCodes.InvalidInput;
            }

            parse.InvocationConfiguration.Output.WriteLine($"entry {result.Id}: {result.Outcome}");
            return result.Released ? ExitCodes.Success : ExitCodes.PartialSuccess;
        });
        return cmd;
    }
}
