using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Ingest;
using Ricord.Withdrawal;

namespace Ricord.Cli.Commands;

public static partial class ImportRicordCommand
{
    /// <summary>
    /// Why the import may not go into <paramref name="collection"/> with this identifier mode (a collection holds either
    /// published identifiers or pseudonyms, never both: a row could not tell which it has); null when it may.
    /// </summary>
    private static async Task<string?> CheckCatalogAsync(Request r, string collection, CancellationToken ct)
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

    /// <summary>The withdrawn studies and series an earlier import left in the collection, removed (<see cref="CatalogWithdrawalService"/>), and how many.</summary>
    private static async Task WithdrawAsync(Request r, string collection, IReadOnlySet<string> withdrawn, TextWriter stdout, CancellationToken ct)
    {
        using var dir = await CliData.OpenAsync(r.Data, ct).ConfigureAwait(false);
        // The catalog's UIDs are the published ones, or remapped as ingest remapped them.
        var map = r.Identifiers == IdentifierMode.AsPublished ? (uid => uid) : ReadImportOptions.OriginalUids(dir.LinkTable);
        var removed = await dir.Get<CatalogWithdrawalService>().WithdrawAsync(new Actor(r.Actor), collection, [.. withdrawn.Select(map)], ct).ConfigureAwait(false);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"withdrawn: removed from the catalog {removed.Studies} studies, {removed.Series} series, {removed.Instances} instances, {removed.Reads} reads " +
            $"({removed.ReadsEdited} reads lost drawings on a withdrawn series), {removed.Blobs} blobs"));
    }
}
