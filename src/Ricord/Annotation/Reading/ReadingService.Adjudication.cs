using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadingService
{
    /// <summary>Studies waiting for adjudication (see <see cref="IAdjudicationRule"/>), for an adjudicator of the
    /// project or a curator; studies the actor read themselves are left out.</summary>
    public async Task<IReadOnlyList<AdjudicationCandidate>> GetAdjudicationQueueAsync(ReadingActor actor, string project, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var snapshot = await ProjectSnapshot.LoadAsync(db, project, ct).ConfigureAwait(false);
            await ReadingData.EnsureOverseerAsync(db, user, actor.Role, snapshot.Project.Id, ct).ConfigureAwait(false);
            return await AdjudicationQueue.PendingAsync(db, _options, snapshot, user.Id, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every read of a study (readers' and adjudications), with content, for an overseer who did not read it.</summary>
    public async Task<IReadOnlyList<ReadView>> GetStudyReadsAsync(ReadingActor actor, string project, string studyInstanceUid, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var (p, study) = await StudyAsync(db, project, studyInstanceUid, ct).ConfigureAwait(false);
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, p.Id, study.StudyId, ct).ConfigureAwait(false);
            var reads = await db.Reads.Where(r => r.ProjectId == p.Id && r.StudyId == study.StudyId)
                .OrderBy(r => r.Role).ThenBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
            return await ViewsAsync(db, reads, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The actor's adjudication read of a study whose reader reads are all submitted, made on first call.
    /// It is saved and submitted like any read.</summary>
    public async Task<ReadView> StartAdjudicationAsync(ReadingActor actor, string project, string studyInstanceUid, CancellationToken ct)
    {
        if (actor?.Role != ReadingRole.Adjudicator)
        {
            throw new ReadingAccessException("Only an adjudicator adjudicates.");
        }

        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var snapshot = await ProjectSnapshot.LoadAsync(db, project, ct).ConfigureAwait(false);
            var (p, study) = await StudyAsync(db, project, studyInstanceUid, ct).ConfigureAwait(false);
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, p.Id, study.StudyId, ct).ConfigureAwait(false);
            var read = snapshot.ReadsByStudy[study.StudyId].FirstOrDefault(r => r.Role == ReadingRole.Adjudicator && r.UserId == user.Id);
            if (read is null)
            {
                if (!snapshot.IsComplete(study.StudyId))
                {
                    throw new ReadingException($"Study {studyInstanceUid} still has reader reads to submit; it cannot be adjudicated yet.");
                }

                var now = DateTime.UtcNow;
                read = new Read { ProjectId = p.Id, StudyId = study.StudyId, UserId = user.Id, Role = ReadingRole.Adjudicator, State = ReadState.Assigned, AssignedAt = now, UpdatedAt = now };
                db.Reads.Add(read);
                ReadingData.Audit(db, actor.User, "adjudication-start", $"project {p.Name}", $"study {studyInstanceUid}");
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // The same adjudicator started it from another session at the same moment: use that read.
                    db.ChangeTracker.Clear();
                    read = await db.Reads.FirstAsync(r => r.ProjectId == p.Id && r.StudyId == study.StudyId && r.UserId == user.Id && r.Role == ReadingRole.Adjudicator, ct).ConfigureAwait(false);
                }
            }

            return (await ViewsAsync(db, [read], ct).ConfigureAwait(false))[0];
        }
    }

    private static async Task<(ReadingProject Project, ProjectStudy Study)> StudyAsync(CatalogDbContext db, string project, string studyInstanceUid, CancellationToken ct)
    {
        var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
        var study = await db.ProjectStudies.FirstOrDefaultAsync(s => s.ProjectId == p.Id && s.StudyInstanceUid == studyInstanceUid, ct).ConfigureAwait(false)
            ?? throw new ReadingException($"Study {studyInstanceUid} is not in project '{project}'.");
        return (p, study);
    }
}
