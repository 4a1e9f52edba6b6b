using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadingProjectService
{
    /// <summary>Adds (or re-activates) a reader or adjudicator; adding a reader rebalances unstarted reads onto them.</summary>
    public Task<AssignmentResult> AddMemberAsync(ReadingActor curator, string project, string user, ReadingRole role, CancellationToken ct) =>
        ChangeMemberAsync(curator, project, user, role, active: true, ct);

    /// <summary>Removes a reader or adjudicator. A reader's unstarted reads go to the others; their started and
    /// submitted reads stay theirs (nothing read is lost, and they may still finish what they started).</summary>
    public Task<AssignmentResult> RemoveMemberAsync(ReadingActor curator, string project, string user, ReadingRole role, CancellationToken ct) =>
        ChangeMemberAsync(curator, project, user, role, active: false, ct);

    /// <summary>Adds studies of the collection that match the project's modalities and arrived since the last pass,
    /// and rebalances unstarted reads.</summary>
    public Task<AssignmentResult> AssignAsync(ReadingActor curator, string project, CancellationToken ct) => AssignAsync(curator, project, true, ct);

    /// <summary>The collection's new studies added to the project; without <paramref name="rebalance"/> no read is assigned
    /// (a published release's project, whose reads are the release's).</summary>
    public async Task<AssignmentResult> AssignAsync(ReadingActor curator, string project, bool rebalance, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var modalities = p.Modalities?.Split('\\').ToList();
                var known = (await db.ProjectStudies.Where(s => s.ProjectId == p.Id).Select(s => s.StudyId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
                var now = DateTime.UtcNow;
                var added = (await SelectStudiesAsync(db, p.CollectionId, modalities, ct).ConfigureAwait(false)).Where(s => !known.Contains(s.Id)).ToList();
                db.ProjectStudies.AddRange(added.Select(s => new ProjectStudy { ProjectId = p.Id, StudyId = s.Id, StudyInstanceUid = s.Uid, AddedAt = now }));
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var result = rebalance ? await RebalanceAsync(db, p, curator.User, ct).ConfigureAwait(false)
                    : new AssignmentResult(known.Count + added.Count, 0, 0, 0);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }

    private async Task<AssignmentResult> ChangeMemberAsync(ReadingActor curator, string project, string userName, ReadingRole role, bool active, CancellationToken ct)
    {
        if (role == ReadingRole.Curator)
        {
            throw new ReadingException("Project members are readers or adjudicators; curators manage every project.");
        }

        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var user = active
                    ? await EnsureUserAsync(db, userName, role, ct).ConfigureAwait(false)
                    : await db.ReadingUsers.FirstOrDefaultAsync(u => u.Name == userName, ct).ConfigureAwait(false)
                        ?? throw new ReadingException($"No user named '{userName}'.");
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var member = await db.ProjectMembers.AsTracking()
                    .FirstOrDefaultAsync(m => m.ProjectId == p.Id && m.UserId == user.Id && m.Role == role, ct).ConfigureAwait(false);
                var now = DateTime.UtcNow;
                if (member is null && !active)
                {
                    throw new ReadingException($"'{userName}' is not a {role} of project '{project}'.");
                }

                if (member is null)
                {
                    db.ProjectMembers.Add(new ProjectMember { ProjectId = p.Id, UserId = user.Id, Role = role, Active = true, AddedAt = now });
                }
                else
                {
                    member.Active = active;
                    member.RemovedAt = active ? null : now;
                }

                ReadingData.Audit(db, curator.User, active ? "member-add" : "member-remove", $"project {p.Name}", $"{role} {userName}");
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var result = role == ReadingRole.Reader
                    ? await RebalanceAsync(db, p, curator.User, ct).ConfigureAwait(false)
                    : new AssignmentResult(await db.ProjectStudies.CountAsync(s => s.ProjectId == p.Id, ct).ConfigureAwait(false), 0, 0, 0);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>Plans with <see cref="AssignmentPlanner"/> and applies the plan. A moved read is deleted and made anew
    /// for its new reader (it holds nothing yet). Moved and deleted reads are checked against their version, so a
    /// read a reader started meanwhile is never taken away: the pass fails instead.</summary>
    internal static async Task<AssignmentResult> RebalanceAsync(CatalogDbContext db, ReadingProject project, string actor, CancellationToken ct)
    {
        var studies = await db.ProjectStudies.Where(s => s.ProjectId == project.Id).Select(s => new { s.StudyId, s.StudyInstanceUid }).ToListAsync(ct).ConfigureAwait(false);
        var readers = await db.ProjectMembers.Where(m => m.ProjectId == project.Id && m.Role == ReadingRole.Reader && m.Active)
            .Join(db.ReadingUsers, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Name }).ToListAsync(ct).ConfigureAwait(false);
        var reads = await db.Reads.AsTracking().Where(r => r.ProjectId == project.Id && r.Role == ReadingRole.Reader).ToListAsync(ct).ConfigureAwait(false);

        var plan = AssignmentPlanner.Plan(
            studies.Select(s => (s.StudyId, s.StudyInstanceUid)).ToList(),
            readers.Select(r => (r.Id, r.Name)).ToList(),
            reads.Select(r => new PlannedRead(r.Id, r.StudyId, r.UserId, r.State)).ToList(),
            project.ReadersPerStudy);

        // Two steps, so that no unique (project, study, user, role) key is briefly held twice: first the reads that go
        // (deleted, or moving to another reader), checked against their version; then the new ones.
        var now = DateTime.UtcNow;
        var byId = reads.ToDictionary(r => r.Id);
        foreach (var id in plan.Delete.Concat(plan.Move.Select(m => m.ReadId)))
        {
            db.Reads.Remove(byId[id]);
        }

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ReadConcurrencyException("A reader started a read while it was being reassigned; run the assignment again.", e);
        }

        var added = plan.Add.Concat(plan.Move.Select(m => (byId[m.ReadId].StudyId, m.UserId)));
        db.Reads.AddRange(added.Select(a => new Read
        {
            ProjectId = project.Id,
            StudyId = a.StudyId,
            UserId = a.UserId,
            Role = ReadingRole.Reader,
            State = ReadState.Assigned,
            AssignedAt = now,
            UpdatedAt = now,
        }));

        var result = new AssignmentResult(studies.Count, plan.Add.Count, plan.Move.Count, plan.Delete.Count);
        if (result.Added + result.Moved + result.Removed > 0)
        {
            ReadingData.Audit(db, actor, "reads-assign", $"project {project.Name}",
                string.Create(CultureInfo.InvariantCulture, $"{result.Added} added, {result.Moved} moved, {result.Removed} removed over {readers.Count} readers"));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return result;
    }
}
