using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadingService
{
    /// <summary>Every version of a read, oldest first, for whoever may see the read (<see cref="GetReadAsync"/>'s rules).</summary>
    public async Task<IReadOnlyList<ReadHistoryEntry>> GetHistoryAsync(ReadingActor actor, long readId, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await VisibleReadAsync(db, actor, readId, ct).ConfigureAwait(false);
            var versions = await db.ReadVersions.Where(v => v.ReadId == readId).OrderBy(v => v.Version).ToListAsync(ct).ConfigureAwait(false);
            var entries = new List<ReadHistoryEntry>(versions.Count);
            foreach (var v in versions)
            {
                var content = await ReadStorage.LoadAsync(db, v.LabelsJson, v.ShapesHash, withShapes: true, ct).ConfigureAwait(false);
                entries.Add(new ReadHistoryEntry(v.Version, v.State, v.SavedAt, v.SavedBy, content));
            }

            return entries;
        }
    }

    /// <summary>Throws <see cref="ReadingAccessException"/> unless the actor may see every read (and so the consensus)
    /// of the study: an adjudicator of the project or a curator who did not read it. For other layers that show
    /// labels or consensus (exports, the server) to apply the same blinding.</summary>
    public async Task EnsureMaySeeStudyAsync(ReadingActor actor, string project, string studyInstanceUid, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var (p, study) = await StudyAsync(db, project, studyInstanceUid, ct).ConfigureAwait(false);
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, p.Id, study.StudyId, ct).ConfigureAwait(false);
        }
    }
}
