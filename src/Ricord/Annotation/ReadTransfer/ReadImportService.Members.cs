using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadImportService
{
    /// <summary>Every reader and adjudicator of the import as a user holding the role (created or granted), by name.</summary>
    private static async Task<Dictionary<string, ReadingUser>> EnsureUsersAsync(CatalogDbContext db, List<Candidate> storable, DateTime now, CancellationToken ct)
    {
        var users = new Dictionary<string, ReadingUser>(StringComparer.Ordinal);
        var names = storable.Select(c => c.Read.Reader).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in names.Chunk(QueryChunk))
        {
            foreach (var u in await db.ReadingUsers.AsTracking().Where(u => chunk.Contains(u.Name)).ToListAsync(ct).ConfigureAwait(false))
            {
                users[u.Name] = u;
            }
        }

        foreach (var (name, role) in storable.Select(c => (c.Read.Reader, c.Role)).Distinct())
        {
            if (!users.TryGetValue(name, out var user))
            {
                users[name] = user = new ReadingUser { Name = name, CreatedAt = now };
                db.ReadingUsers.Add(user);
            }

            if (!user.Has(role))
            {
                user.Grant(role);
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return users;
    }

    /// <summary>Every reader and adjudicator of the import as a member in that role (active, unless published); no rebalance yet (the import
    /// decides who read what first). Returns the members that joined.</summary>
    private static async Task<List<string>> EnsureMembersAsync(CatalogDbContext db, ReadingProject p, ReadingActor curator, List<Candidate> storable,
        Dictionary<string, ReadingUser> users, DateTime now, bool published, CancellationToken ct)
    {
        var members = await db.ProjectMembers.AsTracking().Where(m => m.ProjectId == p.Id).ToListAsync(ct).ConfigureAwait(false);
        var added = new List<string>();
        foreach (var (name, role) in storable.Select(c => (c.Read.Reader, c.Role)).Distinct().OrderBy(x => x.Role).ThenBy(x => x.Reader, StringComparer.Ordinal))
        {
            long userId = users[name].Id;
            var member = members.FirstOrDefault(m => m.UserId == userId && m.Role == role);
            // A published release's readers are members for the record, inactive: no assignment pass gives them a read.
            if (member is { Active: true } || (member is not null && published))
            {
                continue;
            }

            if (member is null)
            {
                db.ProjectMembers.Add(new ProjectMember { ProjectId = p.Id, UserId = userId, Role = role, Active = !published, AddedAt = now });
            }
            else
            {
                member.Active = true;
                member.RemovedAt = null;
            }

            added.Add($"{role.ToString().ToLowerInvariant()} {name}");
            ReadingData.Audit(db, curator.User, "member-add", $"project {p.Name}", $"{role} {name} (read import)");
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return added;
    }

    /// <summary>Same labels and shapes as stored, whatever their order (an MD.ai round trip may list them differently).</summary>
    private static async Task<bool> SameContentAsync(CatalogDbContext db, Read read, Candidate c, CancellationToken ct)
    {
        if (read.LabelsJson == c.LabelsJson && read.ShapesHash == c.Payload?.Hash)
        {
            return true;
        }

        var stored = await ReadStorage.LoadAsync(db, read.LabelsJson, read.ShapesHash, withShapes: true, ct).ConfigureAwait(false);
        return Same(stored.Labels, c.Read.Content.Labels) && Same(stored.Shapes, c.Read.Content.Shapes);
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) =>
        a.Count == b.Count && Canonical(a).SequenceEqual(Canonical(b), StringComparer.Ordinal);

    private static IEnumerable<string> Canonical<T>(IReadOnlyList<T> items) =>
        items.Select(i => JsonSerializer.Serialize(i)).Order(StringComparer.Ordinal);
}
