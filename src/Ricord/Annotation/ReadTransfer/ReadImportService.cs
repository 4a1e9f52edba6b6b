using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Mdai;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// Brings reads made elsewhere (an MD.ai export, a published release) into an existing project, as a curator: each
/// reader and adjudicator becomes a user and a member of the project, each (study, reader) gets its read, and the
/// content is validated as a submit from the UI is (schema, and every SOP Instance UID an instance of the study)
/// and stored submitted, with its version row; the import is one <c>reads-import</c> audit event (and a <c>read-reopen</c>
/// per replaced read). Imported reads record who read, so they are never rebalanced away: an unstarted read of a
/// reader the import does not name for the study goes to the reader who read it, unstarted reads left on a study
/// that now has enough reads are dropped, then the assignment is rebalanced. Idempotent: the same reads again change nothing. A stored read that differs is a
/// conflict, unless <see cref="ReadImportOptions.Replace"/> reopens and resubmits it. Batched: one context, a
/// handful of queries and one transaction per call, whatever the number of reads.
/// </summary>
public sealed partial class ReadImportService
{
    private readonly ReadingOptions _options;
    private readonly DbContextOptions _contextOptions;

    public ReadImportService(ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options.Catalog);
    }

    /// <summary>Reads an MD.ai export file and imports it (see <see cref="ImportAsync(ReadingActor, string, MdaiExport, ReadImportOptions?, IProgress{ReadImportProgress}?, CancellationToken)"/>).</summary>
    public Task<ReadImportReport> ImportFileAsync(ReadingActor curator, string project, string path, ReadImportOptions? options, IProgress<ReadImportProgress>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var export = MdaiJsonReader.ReadFile(path, ct);
        options ??= ReadImportOptions.Default;
        return ImportAsync(curator, project, export, options.Source is null ? WithSource(options, Path.GetFileName(path)) : options, progress, ct);
    }

    /// <summary>Converts the export against the project's schema (labels matched by name), maps its UIDs, imports the reads.</summary>
    public async Task<ReadImportReport> ImportAsync(ReadingActor curator, string project, MdaiExport export, ReadImportOptions? options, IProgress<ReadImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        options ??= ReadImportOptions.Default;
        var db = CatalogDbContextFactory.Create(_contextOptions);
        Schemas.LabelSchema schema;
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            schema = await ReadingData.SchemaAsync(db, await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }

        var conversion = MdaiReadConverter.Convert(export, schema, options.Conversion);
        var reads = options.MapUid is { } map ? conversion.Reads.Select(r => r.MapUids(map)).ToList() : conversion.Reads;
        var report = await ImportAsync(curator, project, reads, options, progress, ct).ConfigureAwait(false);
        return report with { Conversion = conversion };
    }

    /// <summary>Imports reads given with catalog UIDs (<see cref="ReadImportOptions.MapUid"/> is not applied here);
    /// <paramref name="progress"/> hears how many reads are checked.</summary>
    public async Task<ReadImportReport> ImportAsync(ReadingActor curator, string project, IReadOnlyList<MdaiRead> reads, ReadImportOptions? options, IProgress<ReadImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reads);
        options ??= ReadImportOptions.Default;
        var validator = _options.Validator ?? throw new ReadingException("No read validator is configured (ReadingOptions.Validator).");
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            var schema = await ReadingData.SchemaAsync(db, p, ct).ConfigureAwait(false);
            var checkedReads = await CheckAsync(db, p, schema, validator, reads, options.AsPublished, progress, ct).ConfigureAwait(false);
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var (results, members, assignment) = await StoreAsync(db, p, curator, checkedReads, options, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new ReadImportReport(p.Name, results) { Assignment = assignment, MembersAdded = members };
            }
        }
    }

    private static ReadImportOptions WithSource(ReadImportOptions o, string source) => new()
    {
        Conversion = o.Conversion,
        MapUid = o.MapUid,
        Replace = o.Replace,
        AsPublished = o.AsPublished,
        Source = source,
    };
}
