using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>A project with its studies, members and reads (labels as JSON, never shapes) loaded in a few queries.</summary>
internal sealed class ProjectSnapshot
{
    private ProjectSnapshot(ReadingProject project, string collection, List<ProjectStudy> studies, List<ProjectMember> members,
        Dictionary<long, string> userNames, List<Read> reads)
    {
        Project = project;
        Collection = collection;
        Studies = studies;
        Members = members;
        UserNames = userNames;
        ReadsByStudy = reads.ToLookup(r => r.StudyId);
        Reads = reads;
    }

    public ReadingProject Project { get; }
    public string Collection { get; }
    public List<ProjectStudy> Studies { get; }
    public List<ProjectMember> Members { get; }
    public Dictionary<long, string> UserNames { get; }
    public List<Read> Reads { get; }
    public ILookup<long, Read> ReadsByStudy { get; }

    /// <summary>Reader reads a study needs before it is complete: the project's number, or fewer when fewer readers take part.</summary>
    public int RequiredReads => Math.Min(Project.ReadersPerStudy, Members.Count(m => m.Active && m.Role == ReadingRole.Reader));

    /// <summary>
    /// Whether the reads are a published release's as it has them (<see cref="ReadImportOptions.AsPublished"/>): readers
    /// took part, but none is an active member, so nobody is assigned a read and each study has the reads the release has.
    /// </summary>
    public bool ReadsAsPublished => RequiredReads == 0 && Members.Any(m => m.Role == ReadingRole.Reader);

    /// <summary>The reader reads this study needs: <see cref="RequiredReads"/>, or where the reads are as published, the reader reads the
    /// release has for it (2 or 3 on a RICORD radiograph, 1 or more on a CT).</summary>
    public int RequiredReadsOf(long studyId) =>
        ReadsAsPublished ? ReadsByStudy[studyId].Count(r => r.Role == ReadingRole.Reader) : RequiredReads;

    /// <summary>Every reader read of the study is submitted, and there are as many as required.</summary>
    public bool IsComplete(long studyId)
    {
        var readerReads = ReadsByStudy[studyId].Where(r => r.Role == ReadingRole.Reader).ToList();
        return readerReads.Count > 0 && readerReads.Count >= RequiredReads && readerReads.All(r => r.State == ReadState.Submitted);
    }

    public bool IsAdjudicated(long studyId) =>
        ReadsByStudy[studyId].Any(r => r.Role == ReadingRole.Adjudicator && r.State == ReadState.Submitted);

    public static async Task<ProjectSnapshot> LoadAsync(CatalogDbContext db, string name, CancellationToken ct)
    {
        var project = await ReadingData.ProjectAsync(db, name, ct).ConfigureAwait(false);
        var collection = await db.Collections.Where(c => c.Id == project.CollectionId).Select(c => c.Name).FirstAsync(ct).ConfigureAwait(false);
        var studies = await db.ProjectStudies.AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.StudyInstanceUid).ToListAsync(ct).ConfigureAwait(false);
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Id).ToListAsync(ct).ConfigureAwait(false);
        var reads = await db.Reads.AsNoTracking().Where(r => r.ProjectId == project.Id).ToListAsync(ct).ConfigureAwait(false);
        var userIds = members.Select(m => m.UserId).Concat(reads.Select(r => r.UserId)).Distinct().ToList();
        var names = await db.ReadingUsers.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct).ConfigureAwait(false);
        return new ProjectSnapshot(project, collection, studies, members, names, reads);
    }
}
