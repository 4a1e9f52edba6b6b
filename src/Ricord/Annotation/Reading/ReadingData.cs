using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>Look-ups and checks shared by the reading services.</summary>
internal static class ReadingData
{
    public static async Task<ReadingProject> ProjectAsync(CatalogDbContext db, string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await db.ReadingProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, ct).ConfigureAwait(false)
            ?? throw new ReadingException($"No reading project named '{name}'.");
    }

    /// <summary>The acting user, who must hold the role they act in; an unknown user is refused the same way,
    /// so that the answer does not reveal who exists.</summary>
    public static async Task<ReadingUser> ActorAsync(CatalogDbContext db, ReadingActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await db.ReadingUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Name == actor.User, ct).ConfigureAwait(false);
        return user is not null && user.Has(actor.Role)
            ? user
            : throw new ReadingAccessException($"User '{actor.User}' does not hold the {actor.Role} role.");
    }

    public static async Task<ReadingUser> CuratorAsync(CatalogDbContext db, ReadingActor actor, CancellationToken ct) =>
        actor.Role == ReadingRole.Curator
            ? await ActorAsync(db, actor, ct).ConfigureAwait(false)
            : throw new ReadingAccessException($"Only a curator may manage reading projects ('{actor.User}' acts as {actor.Role}).");

    /// <summary>Blinding: readers see only their own reads; an adjudicator (active in the project) or a curator sees
    /// every read of a study, unless they read that study themselves.</summary>
    public static async Task EnsureMaySeeStudyAsync(CatalogDbContext db, ReadingUser user, ReadingRole role, long projectId, long studyId, CancellationToken ct)
    {
        await EnsureOverseerAsync(db, user, role, projectId, ct).ConfigureAwait(false);
        if (await db.Reads.AnyAsync(r => r.ProjectId == projectId && r.StudyId == studyId && r.UserId == user.Id && r.Role == ReadingRole.Reader, ct).ConfigureAwait(false))
        {
            throw new ReadingAccessException($"'{user.Name}' reads this study and is blinded to the other reads of it.");
        }
    }

    /// <summary>A curator, or an active adjudicator of the project.</summary>
    public static async Task EnsureOverseerAsync(CatalogDbContext db, ReadingUser user, ReadingRole role, long projectId, CancellationToken ct)
    {
        if (role == ReadingRole.Reader)
        {
            throw new ReadingAccessException("A reader sees only their own reads.");
        }

        if (role == ReadingRole.Adjudicator && !await db.ProjectMembers.AnyAsync(
                m => m.ProjectId == projectId && m.UserId == user.Id && m.Role == ReadingRole.Adjudicator && m.Active, ct).ConfigureAwait(false))
        {
            throw new ReadingAccessException($"'{user.Name}' is not an adjudicator of this project.");
        }
    }

    /// <summary>The project's schema. <see cref="SchemaStore"/> validated it on import, so it is only read here.</summary>
    public static async Task<LabelSchema> SchemaAsync(CatalogDbContext db, ReadingProject project, CancellationToken ct)
    {
        var json = await db.LabelSchemas.Where(s => s.Name == project.SchemaName && s.Version == project.SchemaVersion)
            .Select(s => s.Json).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new ReadingException($"Schema {project.SchemaName} v{project.SchemaVersion} is not in the store.");
        return LabelSchemaJson.Deserialize(json);
    }

    /// <summary>The distinct SOP Instance UIDs a read's labels and shapes are attached to.</summary>
    public static List<string> InstanceUids(ReadContent content) =>
        content.Labels.Select(l => l.SopInstanceUid).Concat(content.Shapes.Select(s => s.SopInstanceUid)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One message per UID that is not among the study's instances.</summary>
    public static List<string> UnknownInstances(IEnumerable<string> uids, IReadOnlySet<string> known) =>
        uids.Where(u => !known.Contains(u)).Select(u => $"SOPInstanceUID {u} is not an instance of this study.").ToList();

    public static void Audit(CatalogDbContext db, string actor, string action, string target, string? detail) =>
        db.AuditEvents.Add(new AuditEvent { At = DateTime.UtcNow, Actor = actor, Action = action, Target = target, Detail = detail });
}
