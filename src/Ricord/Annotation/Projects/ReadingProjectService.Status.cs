using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadingProjectService
{
    /// <summary>Progress: reads per member by state, complete studies, adjudication pending (when an
    /// <see cref="IAdjudicationRule"/> is configured) and adjudicated. Counts only, never labels.</summary>
    public async Task<ProjectStatus> GetStatusAsync(ReadingActor curator, string project, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var snapshot = await ProjectSnapshot.LoadAsync(db, project, ct).ConfigureAwait(false);
            var p = snapshot.Project;
            int? pending = _options.AdjudicationRule is null
                ? null
                : (await AdjudicationQueue.PendingAsync(db, _options, snapshot, blindedUserId: null, ct).ConfigureAwait(false)).Count;

            var members = snapshot.Members
                .Select(m =>
                {
                    var mine = snapshot.Reads.Where(r => r.UserId == m.UserId && r.Role == m.Role).ToList();
                    return new MemberProgress(snapshot.UserNames[m.UserId], m.Role, m.Active,
                        mine.Count(r => r.State == ReadState.Assigned), mine.Count(r => r.State == ReadState.InProgress), mine.Count(r => r.State == ReadState.Submitted));
                })
                .OrderBy(m => m.Role).ThenBy(m => m.User, StringComparer.Ordinal)
                .ToList();

            return new ProjectStatus(p.Name, snapshot.Collection, p.SchemaName, p.SchemaVersion, p.ReadersPerStudy, p.Trigger, p.Modalities,
                snapshot.Studies.Count,
                snapshot.Studies.Count(s => snapshot.IsComplete(s.StudyId)),
                pending,
                snapshot.Studies.Count(s => snapshot.IsAdjudicated(s.StudyId)),
                members);
        }
    }
}
