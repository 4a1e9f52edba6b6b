using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

public static partial class ImportRicordCommand
{
    /// <summary>
    /// What the catalog says before the import: why it may not go into <paramref name="collection"/> with this identifier
    /// mode (a collection holds either published identifiers or pseudonyms, never both: a row could not tell which it has;
    /// null when it may), and how many studies of the withdrawn list an earlier import left in it (they are not removed).
    /// </summary>
    private static async Task<(string? Conflict, int Withdrawn)> CheckCatalogAsync(Request r, string collection, IReadOnlySet<string>? withdrawn, CancellationToken ct)
    {
        using var dir = await CliData.OpenAsync(r.Data, ct).ConfigureAwait(false);
        await using var db = dir.Catalog.CreateContext();
        var known = await db.Collections.AsNoTracking().Where(c => c.Name == collection).Select(c => new { c.Id, c.Description }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (known is null || !await db.Patients.AnyAsync(p => p.CollectionId == known.Id, ct).ConfigureAwait(false))
        {
            return (null, 0);
        }

        bool published = known.Description == IngestOptions.PublishedDescription;
        string? conflict = (published, r.Identifiers) switch
        {
            (true, IdentifierMode.Deidentify) => $"collection {collection} holds identifiers as published; --deidentify needs another --collection",
            (false, IdentifierMode.AsPublished) => $"collection {collection} holds de-identified data; import with --deidentify, or name another --collection",
            _ => null,
        };
        if (conflict is not null || withdrawn is null)
        {
            return (conflict, 0);
        }

        // The catalog's UIDs are the published ones, or remapped as ingest remapped them.
        var map = r.Identifiers == IdentifierMode.AsPublished ? (uid => uid) : ReadImportOptions.OriginalUids(dir.LinkTable);
        var uids = withdrawn.Select(map).ToList();
        int studies = await db.Studies.CountAsync(s => s.CollectionId == known.Id
            && (uids.Contains(s.StudyInstanceUid) || db.Series.Any(x => x.StudyId == s.Id && uids.Contains(x.SeriesInstanceUid))), ct).ConfigureAwait(false);
        return (null, studies);
    }
}
