using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;

namespace Ricord.Ingest;

/// <summary><c>quarantine release</c>: ingest a held item again after review, optionally with its burned-in text blanked.</summary>
public sealed partial class QuarantineService
{
    /// <summary>Ingests the entry's original again. Burned-in annotation risk is accepted for it and remembered
    /// (unless blanked first); every other check still applies. The entry is removed once the item is in the catalog.</summary>
    public async Task<QuarantineReleaseResult> ReleaseAsync(Actor actor, QuarantineReleaseOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(options);
        var entry = await FindAsync(options.Id, ct).ConfigureAwait(false);
        if (entry is null || VaultId(entry) is not { } vid || await vault.GetInfoAsync(vid, ct).ConfigureAwait(false) is not { } info
            || await vault.GetBytesAsync(vid, ct).ConfigureAwait(false) is not { } bytes)
        {
            return new QuarantineReleaseResult(options.Id, null, $"no releasable entry {options.Id}");
        }

        if (bytes.Length == 0 || entry.Reason == QuarantineReason.Unreadable)
        {
            // Nothing a review could accept: the input itself has to be repaired or exported again.
            return new QuarantineReleaseResult(entry.Id, null,
                $"entry {entry.Id} cannot be released ({entry.Reason}: {entry.Detail}); repair or export the input again at its source, ingest that, then drop this entry");
        }

        string inputHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (options.Blank)
        {
            var (blanked, problem) = await BlankAsync(actor, entry, bytes, options.RulesPath, ct).ConfigureAwait(false);
            if (blanked is null)
            {
                return new QuarantineReleaseResult(entry.Id, null, problem);
            }

            bytes = blanked;
        }

        var ingest = new IngestOptions
        {
            Collection = info.Collection, SiteCode = info.SiteCode, AllowedSopClasses = SopClassPolicy.ChestImaging,
            Identifiers = await PublishedAsync(info.Collection, ct).ConfigureAwait(false) ? IdentifierMode.AsPublished : IdentifierMode.Deidentify,
        };
        var outcome = await pipelines.Create(DeidProfile.Ricord).ReleaseAsync(bytes, ingest, new IngestReport(), ct).ConfigureAwait(false);
        var result = new QuarantineReleaseResult(entry.Id, outcome, null);
        if (result.Released)
        {
            // Remembered: the same input ingested again is not quarantined again for the risk accepted here. Not after
            // blanking: the input as it comes in still has the text, so it is held again (and released with blanking again).
            if (!options.Blank)
            {
                await vault.MarkReleasedAsync(inputHash, ct).ConfigureAwait(false);
            }

            await RemoveAsync(actor, entry, vid, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Whether the collection keeps its identifiers as published (a release imported by import-ricord).</summary>
    private async Task<bool> PublishedAsync(string collection, CancellationToken ct)
    {
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Collections.AnyAsync(c => c.Name == collection && c.Description == IngestOptions.PublishedDescription, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The entry's bytes with the matching blanking rule applied, or the reason they could not be.</summary>
    private async Task<(byte[]? Bytes, string? Problem)> BlankAsync(Actor actor, QuarantineEntry entry, byte[] bytes, string? rulesPath, CancellationToken ct)
    {
        try
        {
            var rules = rulesPath is null ? PixelRules.Default : PixelRules.Parse(await File.ReadAllTextAsync(rulesPath, ct).ConfigureAwait(false));
            var file = DicomFile.Read(bytes);
            if (rules.MatchBlanking(file.Dataset) is not { } rule)
            {
                return (null, $"no blanking rule matches entry {entry.Id} (its make, model and image size); add one to a rules file and pass --rules FILE");
            }

            byte[] blanked = PixelBlanker.Blank(file, rule).ToBytes();
            await catalog.AuditAsync(actor.User, "quarantine-blank", $"quarantine entry {entry.Id}",
                $"pixel regions blanked by rule '{rule.Name}' ({rule.Regions.Count} region(s)) before release", ct).ConfigureAwait(false);
            return (blanked, null);
        }
        catch (Exception ex) when (ex is DicomFormatException or DeidentificationException or PixelDataException or IOException)
        {
            return (null, $"entry {entry.Id} cannot be blanked: {ex.Message}");
        }
    }
}
