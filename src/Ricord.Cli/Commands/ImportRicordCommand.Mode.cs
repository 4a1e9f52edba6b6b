using Microsoft.EntityFrameworkCore;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

public static partial class ImportRicordCommand
{
    /// <summary>
    /// Why the import may not go into <paramref name="collection"/> with this identifier mode: a collection holds either
    /// published identifiers or pseudonyms, never both (a row could not tell which it has). Null when it may.
    /// </summary>
    private static async Task<string?> ModeConflictAsync(Request r, string collection, CancellationToken ct)
    {
        using var dir = await CliData.OpenAsync(r.Data, ct).ConfigureAwait(false);
        await using var db = dir.Catalog.CreateContext();
        var known = await db.Collections.AsNoTracking().Where(c => c.Name == collection).Select(c => new { c.Id, c.Description }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (known is null || !await db.Patients.AnyAsync(p => p.CollectionId == known.Id, ct).ConfigureAwait(false))
        {
            return null;
        }

        bool published = known.Description == IngestOptions.PublishedDescription;
        return (published, r.Identifiers) switch
        {
            (true, IdentifierMode.Deidentify) => $"collection {collection} holds identifiers as published; --deidentify needs another --collection",
            (false, IdentifierMode.AsPublished) => $"collection {collection} holds de-identified data; import with --deidentify, or name another --collection",
            _ => null,
        };
    }
}
