using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>Label schemas stored in the catalog, identified by (name, version). A version is immutable: importing
/// the same text again is a no-op, different text under an existing version is refused.</summary>
public sealed class SchemaStore
{
    private readonly DbContextOptions _contextOptions;

    public SchemaStore(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contextOptions = CatalogDbContextFactory.CreateOptions(options);
    }

    /// <summary>Parses and validates <paramref name="json"/> (<see cref="LabelSchemaJson.Parse"/>; a
    /// <see cref="LabelSchemaException"/> lists every problem) and stores the text under the schema's name and
    /// version, so that what is stored is always a valid schema. Returns the stored schema and whether it was new.</summary>
    public async Task<(StoredSchema Schema, bool Created)> ImportAsync(string json, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var schema = LabelSchemaJson.Parse(json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var existing = await FindAsync(db, schema.Name, schema.Version, ct).ConfigureAwait(false);
            if (existing is null)
            {
                var record = new LabelSchemaRecord
                {
                    Name = schema.Name,
                    Version = schema.Version,
                    Description = schema.Description,
                    Json = json,
                    JsonHash = hash,
                    ImportedAt = DateTime.UtcNow,
                    ImportedBy = actor,
                };
                db.LabelSchemas.Add(record);
                db.AuditEvents.Add(new AuditEvent { At = record.ImportedAt, Actor = actor, Action = "schema-import", Target = $"schema {schema.Name} v{schema.Version}", Detail = hash });
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    return (ToStored(record), true);
                }
                catch (DbUpdateException)
                {
                    // A concurrent import of the same version won; compare with what it stored.
                    db.ChangeTracker.Clear();
                    existing = await FindAsync(db, schema.Name, schema.Version, ct).ConfigureAwait(false) ?? throw new ReadingException($"Could not store schema {schema.Name} v{schema.Version}.");
                }
            }

            return existing.JsonHash == hash
                ? (ToStored(existing), false)
                : throw new ReadingException($"Schema {schema.Name} v{schema.Version} is already stored with different content; give the changed schema a new version.");
        }
    }

    /// <summary>Every stored schema version, by name then version.</summary>
    public async Task<IReadOnlyList<StoredSchema>> ListAsync(CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.LabelSchemas.OrderBy(s => s.Name).ThenBy(s => s.Version).ToListAsync(ct).ConfigureAwait(false);
            return rows.Select(ToStored).ToList();
        }
    }

    /// <summary>The schema with this name and version, or its latest version when <paramref name="version"/> is null; null if absent.</summary>
    public async Task<StoredSchema?> GetAsync(string name, int? version, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var query = db.LabelSchemas.Where(s => s.Name == name);
            var row = version is { } v
                ? await query.FirstOrDefaultAsync(s => s.Version == v, ct).ConfigureAwait(false)
                : await query.OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return row is null ? null : ToStored(row);
        }
    }

    private static Task<LabelSchemaRecord?> FindAsync(CatalogDbContext db, string name, int version, CancellationToken ct) =>
        db.LabelSchemas.FirstOrDefaultAsync(s => s.Name == name && s.Version == version, ct);

    private static StoredSchema ToStored(LabelSchemaRecord r) => new(r.Name, r.Version, r.Description, r.Json, r.ImportedAt, r.ImportedBy);
}
