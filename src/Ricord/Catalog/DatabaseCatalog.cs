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

    /// <summary>Applies the provider's pending migrations. When the history table already lists every migration
    /// this assembly has, that one query is all: EF Core's <c>MigrateAsync</c> would also take the migration lock and
    /// build and diff the snapshot model to warn about model changes without a migration (the catalog tests check
    /// that instead, <c>HasPendingModelChanges</c>), which costs about half a second of start-up per process.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var known = db.Database.GetMigrations().ToList();
            var applied = await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false);
            if (known.Count > 0 && known.TrueForAll(applied.ToHashSet(StringComparer.Ordinal).Contains))
            {
                return;
            }

            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            // Plain SQL like EnsureSiteAsync: a first LINQ query or SaveChanges costs every process a few hundred ms
            // of start-up (compilation). The list column is JSON text on SQLite and an array on PostgreSQL.
            const string Select = """SELECT "Id" FROM "Collections" WHERE "Name" = @name""";
            var id = await CatalogCommand.ScalarAsync(db, Select, ct, ("@name", name)).ConfigureAwait(false);
            if (id is null)
            {
                object noSopClasses = Provider == CatalogProvider.Postgres ? Array.Empty<string>() : "[]";
                await CatalogCommand.ExecuteAsync(db,
                    """INSERT INTO "Collections" ("Name", "Description", "AllowedSopClasses") VALUES (@name, @description, @sop) ON CONFLICT ("Name") DO NOTHING""",
                    ct, ("@name", name), ("@description", description), ("@sop", noSopClasses)).ConfigureAwait(false);
                id = await CatalogCommand.ScalarAsync(db, Select, ct, ("@name", name)).ConfigureAwait(false)
                    ?? throw new CatalogException($"Collection '{name}' could not be created.");
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
            // Plain SQL: SaveChanges' first use costs a few hundred ms of start-up, and every run ends with an audit.
            await CatalogCommand.ExecuteAsync(db,
                """INSERT INTO "AuditEvents" ("At", "Actor", "Action", "Target", "Detail") VALUES (@at, @actor, @action, @target, @detail)""",
                ct, ("@at", DateTime.UtcNow), ("@actor", actor), ("@action", action), ("@target", target), ("@detail", detail)).ConfigureAwait(false);
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
