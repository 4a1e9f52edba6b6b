using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// Curator operations on reading projects: users, project creation, readers and adjudicators joining and leaving
/// (with rebalanced assignment), and progress. Every method takes the acting curator and checks the role; changes
/// are audited. Each call uses its own short-lived context.
/// </summary>
public sealed partial class ReadingProjectService
{
    private static readonly string[] RadiographModalities = ["CR", "DX"];

    private readonly ReadingOptions _options;
    private readonly DbContextOptions _contextOptions;

    public ReadingProjectService(ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options.Catalog);
    }

    /// <summary>Creates the user if needed and grants the role (idempotent). No actor: hosts call this to bootstrap
    /// the first curator, and project commands call it for the people they name.</summary>
    public async Task<ReadingUser> EnsureUserAsync(string name, ReadingRole role, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var user = await EnsureUserAsync(db, name, role, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return user;
        }
    }

    /// <summary>Creates the project, its members and its studies, and assigns the reads.</summary>
    public async Task<AssignmentResult> CreateProjectAsync(ReadingActor curator, ReadingProjectDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        if (definition.ReadersPerStudy is < 1)
        {
            throw new ReadingException($"Readers per study must be at least 1 (got {definition.ReadersPerStudy}).");
        }

        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            await ReadingData.CuratorAsync(db, curator, ct).ConfigureAwait(false);
            if (await db.ReadingProjects.AnyAsync(p => p.Name == definition.Name, ct).ConfigureAwait(false))
            {
                throw new ReadingException($"A reading project named '{definition.Name}' exists already.");
            }

            var collectionId = await db.Collections.Where(c => c.Name == definition.Collection).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                ?? throw new ReadingException($"No collection named '{definition.Collection}'.");
            var schemas = db.LabelSchemas.Where(s => s.Name == definition.SchemaName);
            int schemaVersion = await (definition.SchemaVersion is { } v ? schemas.Where(s => s.Version == v) : schemas)
                .OrderByDescending(s => s.Version).Select(s => (int?)s.Version).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                ?? throw new ReadingException($"Schema {definition.SchemaName}{(definition.SchemaVersion is { } sv ? $" v{sv}" : "")} is not in the store; import it first.");

            var modalities = definition.Modalities is { Count: > 0 } m
                ? m.Select(x => x.Trim().ToUpperInvariant()).Where(x => x.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList()
                : null;
            var studies = await SelectStudiesAsync(db, collectionId, modalities, ct).ConfigureAwait(false);
            int perStudy = definition.ReadersPerStudy ?? await DefaultReadersPerStudyAsync(db, modalities, studies, ct).ConfigureAwait(false);

            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = DateTime.UtcNow;
                var project = new ReadingProject
                {
                    Name = definition.Name,
                    CollectionId = collectionId,
                    SchemaName = definition.SchemaName,
                    SchemaVersion = schemaVersion,
                    ReadersPerStudy = perStudy,
                    Trigger = definition.Trigger,
                    Modalities = modalities is null ? null : string.Join('\\', modalities),
                    CreatedAt = now,
                    CreatedBy = curator.User,
                };
                db.ReadingProjects.Add(project);
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException e)
                {
                    throw new ReadingException($"A reading project named '{definition.Name}' was created meanwhile.", e);
                }

                foreach (var (names, role) in new[] { (definition.Readers, ReadingRole.Reader), (definition.Adjudicators, ReadingRole.Adjudicator) })
                {
                    foreach (var name in (names ?? []).Distinct(StringComparer.Ordinal))
                    {
                        var user = await EnsureUserAsync(db, name, role, ct).ConfigureAwait(false);
                        await db.SaveChangesAsync(ct).ConfigureAwait(false);
                        db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, Role = role, Active = true, AddedAt = now });
                    }
                }

                db.ProjectStudies.AddRange(studies.Select(s => new ProjectStudy { ProjectId = project.Id, StudyId = s.Id, StudyInstanceUid = s.Uid, AddedAt = now }));
                ReadingData.Audit(db, curator.User, "project-create", $"project {project.Name}",
                    $"collection {definition.Collection}, schema {project.SchemaName} v{schemaVersion}, {studies.Count} studies, {perStudy} readers per study, {project.Trigger}");
                await db.SaveChangesAsync(ct).ConfigureAwait(false);

                var result = await RebalanceAsync(db, project, curator.User, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }

    private static async Task<ReadingUser> EnsureUserAsync(CatalogDbContext db, string name, ReadingRole role, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var user = db.ReadingUsers.Local.FirstOrDefault(u => u.Name == name)
            ?? await db.ReadingUsers.AsTracking().FirstOrDefaultAsync(u => u.Name == name, ct).ConfigureAwait(false);
        if (user is null)
        {
            user = new ReadingUser { Name = name, CreatedAt = DateTime.UtcNow };
            db.ReadingUsers.Add(user);
        }

        user.Grant(role);
        return user;
    }

    private static async Task<List<(long Id, string Uid)>> SelectStudiesAsync(CatalogDbContext db, long collectionId, List<string>? modalities, CancellationToken ct)
    {
        var query = db.Studies.Where(s => s.CollectionId == collectionId);
        if (modalities is not null)
        {
            query = query.Where(s => db.Series.Any(x => x.StudyId == s.Id && modalities.Contains(x.Modality)));
        }

        var rows = await query.Select(s => new { s.Id, s.StudyInstanceUid }).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => (r.Id, r.StudyInstanceUid)).OrderBy(r => r.StudyInstanceUid, StringComparer.Ordinal).ToList();
    }

    /// <summary>3 readers for radiographs (RICORD-1C), 1 for anything else (RICORD-1A CTs were mostly read by one team).</summary>
    private static async Task<int> DefaultReadersPerStudyAsync(CatalogDbContext db, List<string>? modalities, List<(long Id, string Uid)> studies, CancellationToken ct)
    {
        if (modalities is not null)
        {
            return modalities.All(RadiographModalities.Contains) ? 3 : 1;
        }

        var ids = studies.Select(s => s.Id).ToList();
        var seen = await db.Series.Where(x => ids.Contains(x.StudyId)).Select(x => x.Modality).Distinct().ToListAsync(ct).ConfigureAwait(false);
        return seen.Count > 0 && seen.All(RadiographModalities.Contains) ? 3 : 1;
    }
}
