using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>The catalog on SQLite or PostgreSQL. Each call uses its own short-lived context, so one instance
/// serves any number of concurrent callers.</summary>
public sealed partial class DatabaseCatalog : ICatalog
{
    private readonly CatalogOptions _options;
    private readonly DbContextOptions _contextOptions;
    private readonly ConcurrentDictionary<string, long> _collectionIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _siteIds = new(StringComparer.Ordinal);

    public DatabaseCatalog(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options);
    }

    public CatalogProvider Provider => _options.Provider;

    public CatalogDbContext CreateContext() => CatalogDbContextFactory.Create(_contextOptions);

    public async Task MigrateAsync(CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            // PostgreSQL arrays and SQLite JSON differ, so the list column is left to EF: insert, and on a
            // concurrent duplicate read the winner's id.
            var id = await db.Collections.Where(c => c.Name == name).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (id is null)
            {
                var entity = new Collection { Name = name, Description = description };
                db.Collections.Add(entity);
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    id = entity.Id;
                }
                catch (DbUpdateException)
                {
                    id = await db.Collections.Where(c => c.Name == name).Select(c => c.Id).FirstAsync(ct).ConfigureAwait(false);
                }
            }

            _collectionIds[name] = id.Value;
            return id.Value;
        }
    }

    public async Task<long> EnsureSiteAsync(string code, string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await CatalogCommand.ExecuteAsync(db,
                """INSERT INTO "Sites" ("Code", "Name") VALUES (@code, @name) ON CONFLICT ("Code") DO NOTHING""",
                ct, ("@code", code), ("@name", name)).ConfigureAwait(false);
            var id = await CatalogCommand.ScalarAsync(db, """SELECT "Id" FROM "Sites" WHERE "Code" = @code""", ct, ("@code", code)).ConfigureAwait(false);
            _siteIds[code] = id!.Value;
            return id.Value;
        }
    }

    public async Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var collectionId = await CollectionIdAsync(db, collection, ct).ConfigureAwait(false);
            return await db.Instances.AnyAsync(i => i.CollectionId == collectionId && i.SopInstanceUid == sopInstanceUid, ct).ConfigureAwait(false);
        }
    }

    public async Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            db.AuditEvents.Add(new AuditEvent { At = DateTime.UtcNow, Actor = actor, Action = action, Target = target, Detail = detail });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<long> CollectionIdAsync(CatalogDbContext db, string name, CancellationToken ct)
    {
        if (_collectionIds.TryGetValue(name, out var id))
        {
            return id;
        }

        var found = await db.Collections.Where(c => c.Name == name).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CatalogException($"Collection '{name}' does not exist; create it first.");
        return _collectionIds[name] = found;
    }

    private async Task<long> SiteIdAsync(CatalogDbContext db, string code, CancellationToken ct)
    {
        if (_siteIds.TryGetValue(code, out var id))
        {
            return id;
        }

        var found = await db.Sites.Where(s => s.Code == code).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CatalogException($"Site '{code}' does not exist; create it first.");
        return _siteIds[code] = found;
    }
}
