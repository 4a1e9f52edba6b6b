using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// Reading and adjudicating, with blinding enforced here: a reader opens, saves and submits only their own reads
/// and never sees another read of a study they read; adjudicators (active in the project) and curators see every
/// read of a study they did not read. Saves are optimistic: the caller passes the version it loaded and a stale
/// version fails with <see cref="ReadConcurrencyException"/>. Every change keeps a <see cref="ReadVersion"/>.
/// </summary>
public sealed partial class ReadingService
{
    private readonly ReadingOptions _options;
    private readonly DbContextOptions _contextOptions;

    public ReadingService(ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options.Catalog);
    }

    /// <summary>The actor's own reads in the project (as reader, or adjudications as adjudicator), by StudyInstanceUID.</summary>
    public async Task<IReadOnlyList<WorkItem>> GetWorklistAsync(ReadingActor actor, string project, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
            var rows = await db.Reads.Where(r => r.ProjectId == p.Id && r.UserId == user.Id && r.Role == actor.Role)
                .Join(db.ProjectStudies.Where(s => s.ProjectId == p.Id), r => r.StudyId, s => s.StudyId, (r, s) => new { r.Id, s.StudyInstanceUid, r.Role, r.State, r.Version, r.UpdatedAt })
                .ToListAsync(ct).ConfigureAwait(false);
            return rows.OrderBy(r => r.StudyInstanceUid, StringComparer.Ordinal)
                .Select(r => new WorkItem(r.Id, p.Name, r.StudyInstanceUid, r.Role, r.State, r.Version, r.UpdatedAt)).ToList();
        }
    }

    /// <summary>One read with its content: the actor's own, or any read of a study an overseer may see.</summary>
    public async Task<ReadView> GetReadAsync(ReadingActor actor, long readId, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var read = await VisibleReadAsync(db, actor, readId, ct).ConfigureAwait(false);
            return (await ViewsAsync(db, [read], ct).ConfigureAwait(false))[0];
        }
    }

    /// <summary>Saves a draft of the actor's own read (validated as a draft); it becomes in progress and stays theirs.</summary>
    public Task<ReadView> SaveDraftAsync(ReadingActor actor, long readId, int expectedVersion, ReadContent content, CancellationToken ct) =>
        WriteAsync(actor, readId, expectedVersion, content, submit: false, ct);

    /// <summary>Validates the content fully against the project's schema and submits it; the read is then locked.</summary>
    public Task<ReadView> SubmitAsync(ReadingActor actor, long readId, int expectedVersion, ReadContent content, CancellationToken ct) =>
        WriteAsync(actor, readId, expectedVersion, content, submit: true, ct);

    /// <summary>Unlocks a submitted read for its author to change (adjudicator of the project, or curator; audited with the reason).</summary>
    public async Task<ReadView> ReopenAsync(ReadingActor actor, long readId, int expectedVersion, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
            var read = await FindAsync(db, readId, tracking: true, ct).ConfigureAwait(false);
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, read.ProjectId, read.StudyId, ct).ConfigureAwait(false);
            if (read.State != ReadState.Submitted)
            {
                throw new ReadingException($"Read {readId} is {read.State}, not submitted; only a submitted read is reopened.");
            }

            CheckVersion(read, expectedVersion);
            read.State = ReadState.InProgress;
            read.SubmittedAt = null;
            Touch(db, read, actor.User);
            ReadingData.Audit(db, actor.User, "read-reopen", $"read {read.Id}", reason);
            await SaveAsync(db, read, ct).ConfigureAwait(false);
            return (await ViewsAsync(db, [read], ct).ConfigureAwait(false))[0];
        }
    }

    private static bool IsOwn(Read read, ReadingUser user, ReadingActor actor) => read.UserId == user.Id && read.Role == actor.Role;

    /// <summary>A read the actor may see: their own, or any read of a study an overseer may see (blinding).</summary>
    private static async Task<Read> VisibleReadAsync(CatalogDbContext db, ReadingActor actor, long readId, CancellationToken ct)
    {
        var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
        var read = await FindAsync(db, readId, tracking: false, ct).ConfigureAwait(false);
        if (!IsOwn(read, user, actor))
        {
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, read.ProjectId, read.StudyId, ct).ConfigureAwait(false);
        }

        return read;
    }

    private static void CheckVersion(Read read, int expectedVersion)
    {
        if (read.Version != expectedVersion)
        {
            throw new ReadConcurrencyException($"Read {read.Id} is at version {read.Version}, not {expectedVersion}: someone changed it since it was loaded.");
        }
    }

    /// <summary>Next version, and the history row for it.</summary>
    internal static void Touch(CatalogDbContext db, Read read, string by)
    {
        read.Version++;
        read.UpdatedAt = DateTime.UtcNow;
        db.ReadVersions.Add(new ReadVersion
        {
            ReadId = read.Id,
            Version = read.Version,
            State = read.State,
            LabelsJson = read.LabelsJson,
            ShapesHash = read.ShapesHash,
            SavedAt = read.UpdatedAt,
            SavedBy = by,
        });
    }

    /// <summary>The UPDATE carries the loaded version in its WHERE clause (concurrency token), and (read, version)
    /// is unique in the history, so of two writers from the same version exactly one wins; any other failure is rethrown.</summary>
    private static async Task SaveAsync(CatalogDbContext db, Read read, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            int loaded = read.Version - 1;
            var current = await db.Reads.AsNoTracking().Where(r => r.Id == read.Id).Select(r => (int?)r.Version).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (e is DbUpdateConcurrencyException || current != loaded)
            {
                throw new ReadConcurrencyException($"Read {read.Id} was changed or reassigned by someone else meanwhile; reload it and apply the edit again.", e);
            }

            throw;
        }
    }

    private static async Task<Read> FindAsync(CatalogDbContext db, long readId, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Reads.AsTracking() : db.Reads.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == readId, ct).ConfigureAwait(false)
            ?? throw new ReadingException($"No read {readId} (it may have been reassigned).");
    }

    /// <summary>Labels and shapes are keyed by SOPInstanceUID; each must be an instance of the read's study.</summary>
    private static async Task<List<string>> UnknownInstancesAsync(CatalogDbContext db, long studyId, ReadContent content, CancellationToken ct)
    {
        var uids = ReadingData.InstanceUids(content);
        if (uids.Count == 0)
        {
            return [];
        }

        var known = (await db.Instances.Where(i => i.StudyId == studyId && uids.Contains(i.SopInstanceUid)).Select(i => i.SopInstanceUid)
            .ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return ReadingData.UnknownInstances(uids, known);
    }

    private static async Task<List<ReadView>> ViewsAsync(CatalogDbContext db, IReadOnlyList<Read> reads, CancellationToken ct)
    {
        var projectIds = reads.Select(r => r.ProjectId).Distinct().ToList();
        var studyIds = reads.Select(r => r.StudyId).Distinct().ToList();
        var userIds = reads.Select(r => r.UserId).Distinct().ToList();
        var projects = await db.ReadingProjects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        var studies = await db.Studies.Where(s => studyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.StudyInstanceUid, ct).ConfigureAwait(false);
        var users = await db.ReadingUsers.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct).ConfigureAwait(false);
        var views = new List<ReadView>(reads.Count);
        foreach (var r in reads)
        {
            var content = await ReadStorage.LoadAsync(db, r.LabelsJson, r.ShapesHash, withShapes: true, ct).ConfigureAwait(false);
            views.Add(new ReadView(r.Id, projects[r.ProjectId], studies[r.StudyId], users[r.UserId], r.Role, r.State, r.Version, content, r.SubmittedAt));
        }

        return views;
    }
}
