using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// A project's reads out again, for a curator: submitted reads (and drafts when asked) as <see cref="MdaiRead"/>s keyed
/// by user name, and as an MD.ai export (<see cref="MdaiExportBuilder"/>: one label group per reader, adjudications
/// under "Adjudication") that <see cref="ReadImportService"/> takes back with the group as reader key.
/// </summary>
public sealed class ReadExportService
{
    private const int QueryChunk = 200;

    private readonly ReadingOptions _options;
    private readonly DbContextOptions _contextOptions;

    public ReadExportService(ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options.Catalog);
    }

    /// <summary>The project's reads with content, by study, adjudications after reader reads, then by user name.</summary>
    public async Task<IReadOnlyList<MdaiRead>> GetReadsAsync(ReadingActor curator, string project, bool includeDrafts, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            return await ReadsAsync(db, p, includeDrafts, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The project's reads as an MD.ai export named after the project and its collection.</summary>
    public async Task<MdaiExport> ExportAsync(ReadingActor curator, string project, bool includeDrafts, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            var schema = await ReadingData.SchemaAsync(db, p, ct).ConfigureAwait(false);
            string collection = await db.Collections.Where(c => c.Id == p.CollectionId).Select(c => c.Name).FirstAsync(ct).ConfigureAwait(false);
            var reads = await ReadsAsync(db, p, includeDrafts, ct).ConfigureAwait(false);
            return MdaiExportBuilder.Build(reads, schema, new MdaiExportOptions { ProjectName = p.Name, DatasetName = collection });
        }
    }

    private static async Task<List<MdaiRead>> ReadsAsync(CatalogDbContext db, ReadingProject p, bool includeDrafts, CancellationToken ct)
    {
        var rows = await db.Reads.Where(r => r.ProjectId == p.Id && (r.State == ReadState.Submitted || (includeDrafts && r.State == ReadState.InProgress)))
            .Join(db.ProjectStudies.Where(s => s.ProjectId == p.Id), r => r.StudyId, s => s.StudyId, (r, s) => new { r.UserId, r.Role, r.LabelsJson, r.ShapesHash, s.StudyInstanceUid })
            .Join(db.ReadingUsers, r => r.UserId, u => u.Id, (r, u) => new { r.Role, r.LabelsJson, r.ShapesHash, r.StudyInstanceUid, User = u.Name })
            .ToListAsync(ct).ConfigureAwait(false);
        var shapes = new Dictionary<string, IReadOnlyList<ReadShape>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.ShapesHash).OfType<string>().Distinct(StringComparer.Ordinal).Chunk(QueryChunk))
        {
            foreach (var payload in await db.ReadPayloads.AsNoTracking().Where(x => chunk.Contains(x.Hash)).ToListAsync(ct).ConfigureAwait(false))
            {
                shapes[payload.Hash] = ReadStorage.Decode(payload);
            }
        }

        return rows.OrderBy(r => r.StudyInstanceUid, StringComparer.Ordinal).ThenBy(r => r.Role).ThenBy(r => r.User, StringComparer.Ordinal)
            .Select(r => new MdaiRead(r.StudyInstanceUid, r.User, r.Role == ReadingRole.Adjudicator, new ReadContent(
                ReadStorage.LabelsFromJson(r.LabelsJson),
                r.ShapesHash is null ? [] : shapes.TryGetValue(r.ShapesHash, out var s) ? s
                    : throw new ReadingException($"The shapes of a read (payload {r.ShapesHash}) are missing from the catalog."))))
            .ToList();
    }
}
