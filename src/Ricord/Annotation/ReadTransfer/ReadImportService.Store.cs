using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadImportService
{
    /// <summary>Users, members, reads, payloads, versions and audit events for the checked reads, inside the caller's transaction.</summary>
    private static async Task<(List<ReadImportResult> Results, List<string> Members, AssignmentResult? Assignment)> StoreAsync(
        CatalogDbContext db, ReadingProject p, ReadingActor curator, List<Candidate> candidates, ReadImportOptions options, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var storable = candidates.Where(c => c.Storable).ToList();
        var users = await EnsureUsersAsync(db, storable, now, ct).ConfigureAwait(false);
        var members = await EnsureMembersAsync(db, p, curator, storable, users, now, options.AsPublished, ct).ConfigureAwait(false);

        var reads = await db.Reads.AsTracking().Where(r => r.ProjectId == p.Id).ToListAsync(ct).ConfigureAwait(false);
        var byKey = reads.ToDictionary(r => (r.StudyId, r.UserId, r.Role));
        var byStudy = reads.Where(r => r.Role == ReadingRole.Reader && r.State == ReadState.Assigned).GroupBy(r => r.StudyId).ToDictionary(g => g.Key, g => g.ToList());
        var importedReaders = storable.Where(c => c.Role == ReadingRole.Reader).Select(c => (c.StudyId, users[c.Read.Reader].Id)).ToHashSet();
        var submit = new List<(Candidate Candidate, Read Read)>();
        var takenOver = new List<(Read Read, long UserId)>();
        foreach (var c in storable)
        {
            var key = (c.StudyId, users[c.Read.Reader].Id, c.Role);
            if (!byKey.TryGetValue(key, out var read))
            {
                read = TakeOver(byKey, byStudy.GetValueOrDefault(c.StudyId), key, importedReaders);
                if (read is null)
                {
                    read = new Read { ProjectId = p.Id, StudyId = c.StudyId, UserId = key.Item2, Role = c.Role, State = ReadState.Assigned, AssignedAt = now, UpdatedAt = now };
                    db.Reads.Add(read);
                    reads.Add(read);
                }
                else
                {
                    takenOver.Add((read, key.Item2));
                }

                byKey[key] = read;
            }

            bool same = read.State != ReadState.Assigned && await SameContentAsync(db, read, c, ct).ConfigureAwait(false);
            if (same && read.State == ReadState.Submitted)
            {
                c.Result = ReadImportOutcome.Unchanged;
            }
            else if (read.State == ReadState.Assigned || same)
            {
                c.Result = ReadImportOutcome.Imported;
                submit.Add((c, read));
            }
            else if (options.Replace)
            {
                c.Result = ReadImportOutcome.Replaced;
                submit.Add((c, read));
            }
            else
            {
                c.Result = ReadImportOutcome.Conflict;
                c.Messages.Add($"{Who(c.Read)}: differs from the stored {read.State} read {read.Id} (version {read.Version}); left as it is (import with replace to resubmit it).");
            }
        }

        // New reads need their ids before their version rows refer to them; reads taken over change hands in the same
        // UPDATE as their submit.
        await SaveAsync(db, ct).ConfigureAwait(false);
        foreach (var (read, userId) in takenOver)
        {
            read.UserId = userId;
        }

        foreach (var payload in submit.Select(s => s.Candidate.Payload).OfType<ReadPayload>().DistinctBy(x => x.Hash))
        {
            await ReadStorage.StoreAsync(db, payload, ct).ConfigureAwait(false);
        }

        string source = options.Source is { } s ? $"import of {s}" : "import";
        foreach (var (c, read) in submit)
        {
            if (read.State == ReadState.Submitted)
            {
                read.State = ReadState.InProgress;
                read.SubmittedAt = null;
                ReadingService.Touch(db, read, curator.User);
                ReadingData.Audit(db, curator.User, "read-reopen", $"read {read.Id}", $"replaced by {source}");
            }

            read.LabelsJson = c.LabelsJson;
            read.ShapesHash = c.Payload?.Hash;
            read.State = ReadState.Submitted;
            read.SubmittedAt = now;
            ReadingService.Touch(db, read, curator.User);
        }

        DropUnneededAssignments(db, p, reads, submit, options.AsPublished);
        if (submit.Count > 0)
        {
            ReadingData.Audit(db, curator.User, "reads-import", $"project {p.Name}", string.Create(CultureInfo.InvariantCulture,
                $"{source}: {Count(candidates, ReadImportOutcome.Imported)} imported, {Count(candidates, ReadImportOutcome.Replaced)} replaced, " +
                $"{Count(candidates, ReadImportOutcome.Unchanged)} unchanged, {Count(candidates, ReadImportOutcome.Conflict)} conflicts, " +
                $"{Count(candidates, ReadImportOutcome.Rejected)} rejected, {Count(candidates, ReadImportOutcome.UnknownStudy)} unknown studies"));
        }

        await SaveAsync(db, ct).ConfigureAwait(false);
        // A published release says who read what: no assignment pass, so no reader gets a read the release does not have.
        var assignment = (submit.Count > 0 || members.Count > 0) && !options.AsPublished
            ? await ReadingProjectService.RebalanceAsync(db, p, curator.User, ct).ConfigureAwait(false)
            : null;
        return ([.. candidates.Select(c => c.ToResult())], members, assignment);
    }

    /// <summary>An unstarted reader read of the study whose reader the import does not name for it goes to the reader who
    /// did read it (an update, checked against its version, instead of a delete and an insert).</summary>
    private static Read? TakeOver(Dictionary<(long StudyId, long UserId, ReadingRole Role), Read> byKey, List<Read>? unstarted,
        (long StudyId, long UserId, ReadingRole Role) key, HashSet<(long StudyId, long UserId)> importedReaders)
    {
        if (key.Role != ReadingRole.Reader || unstarted is null)
        {
            return null;
        }

        var free = unstarted.FirstOrDefault(r => !importedReaders.Contains((r.StudyId, r.UserId)));
        if (free is not null)
        {
            unstarted.Remove(free);
            byKey.Remove((free.StudyId, free.UserId, free.Role));
        }

        return free;
    }

    private static int Count(List<Candidate> candidates, ReadImportOutcome outcome) => candidates.Count(c => c.Result == outcome);

    /// <summary>Imported reads say who read a study: an unstarted read of another reader on a study that now has as many
    /// started reads as the project wants is dropped (the rebalance that follows never removes it otherwise); for a
    /// published release (<paramref name="published"/>) every unstarted read of the imported studies is, whatever the number.</summary>
    private static void DropUnneededAssignments(CatalogDbContext db, ReadingProject p, List<Read> reads, List<(Candidate Candidate, Read Read)> submitted, bool published)
    {
        var studies = submitted.Where(s => s.Read.Role == ReadingRole.Reader).Select(s => s.Read.StudyId).ToHashSet();
        foreach (var study in reads.Where(r => r.Role == ReadingRole.Reader && studies.Contains(r.StudyId)).GroupBy(r => r.StudyId))
        {
            if (published || study.Count(r => r.State != ReadState.Assigned) >= p.ReadersPerStudy)
            {
                db.Reads.RemoveRange(study.Where(r => r.State == ReadState.Assigned));
            }
        }
    }

    private static async Task SaveAsync(CatalogDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ReadConcurrencyException("A read of the project changed while the import ran; run the import again (it skips what is stored).", e);
        }
    }
}
