using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>What ingest held back, and its resolution (<c>ricord quarantine list|show|release|drop</c>): the entries
/// in the catalog, the originals in the secrets folder's vault. Removals are audited under the actor's name.</summary>
public sealed partial class QuarantineService(DatabaseCatalog catalog, QuarantineVault vault, IngestPipelineFactory pipelines, ILogger<QuarantineService> log)
{
    /// <summary>Every entry, oldest first.</summary>
    public async Task<IReadOnlyList<QuarantineItem>> ListAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var items = await db.QuarantineEntries.AsNoTracking().OrderBy(q => q.Id)
                .Join(db.Collections, q => q.CollectionId, c => c.Id, (q, c) => new QuarantineItem(q.Id, q.ReceivedAt, c.Name, q.Reason, q.Detail, q.BlobKey))
                .ToListAsync(ct).ConfigureAwait(false);
            LogListed(log, items.Count);
            return items;
        }
    }

    /// <summary>One entry, or null when there is none with <paramref name="id"/>; the original input path only with
    /// <paramref name="revealSource"/>.</summary>
    public async Task<QuarantineDetail?> ShowAsync(Actor actor, long id, bool revealSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await FindAsync(id, ct).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        QuarantineHeld? held = null;
        if (VaultId(entry) is { } vid && await vault.GetInfoAsync(vid, ct).ConfigureAwait(false) is { } info)
        {
            held = new QuarantineHeld(vault.GetSize(vid) ?? 0, info.SiteCode, revealSource ? info.SourcePath : null);
        }

        return new QuarantineDetail(entry.Id, entry.ReceivedAt, entry.Reason, entry.Detail, entry.ContentHash, held);
    }

    /// <summary>Deletes an entry for good (its catalog row, and its original once no other entry shares it); false
    /// when there is none with <paramref name="id"/>.</summary>
    public async Task<bool> DropAsync(Actor actor, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await FindAsync(id, ct).ConfigureAwait(false) is not { } entry)
        {
            return false;
        }

        await RemoveAsync(actor, entry, VaultId(entry), ct).ConfigureAwait(false);
        return true;
    }

    private async Task<QuarantineEntry?> FindAsync(long id, CancellationToken ct)
    {
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.QuarantineEntries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct).ConfigureAwait(false);
        }
    }

    private async Task RemoveAsync(Actor actor, QuarantineEntry entry, string? vaultId, CancellationToken ct)
    {
        var db = catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.QuarantineEntries.Where(q => q.Id == entry.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            bool stillReferenced = vaultId is not null && await db.QuarantineEntries.AnyAsync(q => q.BlobKey == entry.BlobKey, ct).ConfigureAwait(false);
            if (vaultId is not null && !stillReferenced)
            {
                vault.Drop(vaultId);
            }
        }

        await catalog.AuditAsync(actor.User, "quarantine-remove", $"quarantine entry {entry.Id}", entry.Reason.ToString(), ct).ConfigureAwait(false);
        LogRemoved(log, entry.Id, entry.Reason);
    }

    private static string? VaultId(QuarantineEntry entry) =>
        entry.BlobKey is { } key && key.StartsWith("vault:", StringComparison.Ordinal) ? key["vault:".Length..] : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Count} quarantine entries")]
    private static partial void LogListed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed quarantine entry {Id} ({Reason})")]
    private static partial void LogRemoved(ILogger logger, long id, QuarantineReason reason);
}
