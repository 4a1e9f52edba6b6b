using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Ingest;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord quarantine list|show|release|drop</c>: what ingest held back, and why.</summary>
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

            await using var db = dir.Catalog.CreateContext();
            var rows = await db.QuarantineEntries.AsNoTracking().OrderBy(q => q.Id)
                .Join(db.Collections, q => q.CollectionId, c => c.Id, (q, c) => new { q.Id, q.ReceivedAt, Collection = c.Name, q.Reason, q.Detail, q.BlobKey })
                .ToListAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["received"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["collection"] = r.Collection,
                    ["reason"] = r.Reason.ToString(),
                    ["detail"] = r.Detail,
                    ["vault"] = r.BlobKey,
                })]);
                parse.InvocationConfiguration.Output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "received (UTC)", "collection", "reason", "detail", "vault");
            foreach (var r in rows)
            {
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), r.ReceivedAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(r.Collection),
                    r.Reason.ToString(), Markup.Escape(r.Detail), Markup.Escape(r.BlobKey ?? ""));
            }

            var console = CliProgress.Console(parse.InvocationConfiguration.Output);
            console.Write(table);
            console.WriteLine($"{rows.Count} entries");
            return ExitCodes.Success;
        });
        return cmd;
    }

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

            var entry = await Find(dir.Catalog, parse.GetValue(id), ct).ConfigureAwait(false);
            if (entry is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: no entry {parse.GetValue(id)}");
                return ExitCodes.InvalidInput;
            }

            output.WriteLine($"id:       {entry.Id}");
            output.WriteLine($"received: {entry.ReceivedAt:u}");
            output.WriteLine($"reason:   {entry.Reason}");
            output.WriteLine($"detail:   {entry.Detail}");
            if (VaultId(entry) is { } vid && await dir.Vault.GetInfoAsync(vid, ct).ConfigureAwait(false) is { } info)
            {
                if (dir.Vault.GetSize(vid) is > 0 and var size)
                {
                    output.WriteLine($"size:     {size} bytes");
                    output.WriteLine($"sha-256:  {entry.ContentHash}");
                }
                else
                {
                    output.WriteLine("size:     no bytes kept (the input was empty, unreadable or too large)");
                    output.WriteLine($"ref:      {entry.ContentHash} (a keyed hash of where it came from, not of content)");
                }

                output.WriteLine($"site:     {info.SiteCode}");
                output.WriteLine(parse.GetValue(reveal) ? $"source:   {info.SourcePath}" : "source:   (hidden; --reveal-source prints it)");
            }
            else
            {
                output.WriteLine($"sha-256:  {entry.ContentHash} (its bytes are no longer in the secrets folder)");
            }

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

            var entry = await Find(dir.Catalog, parse.GetValue(id), ct).ConfigureAwait(false);
            if (entry is null || VaultId(entry) is not { } vid || await dir.Vault.GetInfoAsync(vid, ct).ConfigureAwait(false) is not { } info
                || await dir.Vault.GetBytesAsync(vid, ct).ConfigureAwait(false) is not { } bytes)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: no releasable entry {parse.GetValue(id)}");
                return ExitCodes.InvalidInput;
            }

            if (bytes.Length == 0 || entry.Reason == QuarantineReason.Unreadable)
            {
                // Nothing a review could accept: the input itself has to be repaired or exported again.
                parse.InvocationConfiguration.Error.WriteLine(
                    $"ricord quarantine: entry {entry.Id} cannot be released ({entry.Reason}: {entry.Detail}); repair or export the input again at its source, ingest that, then drop this entry");
                return ExitCodes.InvalidInput;
            }

            string inputHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (parse.GetValue(blank))
            {
                var blanked = await BlankAsync(dir, entry, bytes, parse.GetValue(rules), parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
                if (blanked is null)
                {
                    return ExitCodes.InvalidInput;
                }

                bytes = blanked;
            }

            var profile = Deid.DeidProfile.Ricord;
            var pipeline = dir.CreateIngestPipeline(profile);
            var options = new IngestOptions
            {
                Collection = info.Collection, SiteCode = info.SiteCode, AllowedSopClasses = SopClassPolicy.ChestImaging,
                Identifiers = await PublishedAsync(dir, info.Collection, ct).ConfigureAwait(false) ? IdentifierMode.AsPublished : IdentifierMode.Deidentify,
            };
            var report = new IngestReport();
            var outcome = await pipeline.ReleaseAsync(bytes, options, report, ct).ConfigureAwait(false);
            if (outcome is IngestOutcome.Accepted or IngestOutcome.Duplicate)
            {
                // Remembered: the same input ingested again is not quarantined again for the risk accepted here. Not after
                // --blank: the input as it comes in still has the text, so it is held again (and released with --blank again).
                if (!parse.GetValue(blank))
                {
                    await dir.Vault.MarkReleasedAsync(inputHash, ct).ConfigureAwait(false);
                }

                await RemoveAsync(dir, entry, vid, ct).ConfigureAwait(false);
            }

            parse.InvocationConfiguration.Output.WriteLine($"entry {entry.Id}: {outcome}");
            return outcome is IngestOutcome.Accepted or IngestOutcome.Duplicate ? ExitCodes.Success : ExitCodes.PartialSuccess;
        });
        return cmd;
    }

    /// <summary>Whether the collection keeps its identifiers as published (a release imported by import-ricord).</summary>
    private static async Task<bool> PublishedAsync(Hosting.RicordDataDirectory dir, string collection, CancellationToken ct)
    {
        await using var db = dir.Catalog.CreateContext();
        return await db.Collections.AnyAsync(c => c.Name == collection && c.Description == IngestOptions.PublishedDescription, ct).ConfigureAwait(false);
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

            var entry = await Find(dir.Catalog, parse.GetValue(id), ct).ConfigureAwait(false);
            if (entry is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord quarantine: no entry {parse.GetValue(id)}");
                return ExitCodes.InvalidInput;
            }

            await RemoveAsync(dir, entry, VaultId(entry), ct).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"entry {entry.Id} dropped");
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static async Task<QuarantineEntry?> Find(DatabaseCatalog catalog, long id, CancellationToken ct)
    {
        await using var db = catalog.CreateContext();
        return await db.QuarantineEntries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct).ConfigureAwait(false);
    }

    private static async Task RemoveAsync(Hosting.RicordDataDirectory dir, QuarantineEntry entry, string? vaultId, CancellationToken ct)
    {
        await using (var db = dir.Catalog.CreateContext())
        {
            await db.QuarantineEntries.Where(q => q.Id == entry.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            bool stillReferenced = vaultId is not null && await db.QuarantineEntries.AnyAsync(q => q.BlobKey == entry.BlobKey, ct).ConfigureAwait(false);
            if (vaultId is not null && !stillReferenced)
            {
                dir.Vault.Drop(vaultId);
            }
        }

        await dir.Catalog.AuditAsync(Environment.UserName, "quarantine-remove", $"quarantine entry {entry.Id}", entry.Reason.ToString(), ct).ConfigureAwait(false);
    }

    private static string? VaultId(QuarantineEntry entry) =>
        entry.BlobKey is { } key && key.StartsWith("vault:", StringComparison.Ordinal) ? key["vault:".Length..] : null;
}
