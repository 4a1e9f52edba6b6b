using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>The catalog on SQLite or PostgreSQL. Each call uses its own short-lived connection or context, so one
/// instance serves any number of concurrent callers. What ingest calls (and the migration check) runs as raw SQL on
/// <see cref="CatalogConnections"/>: EF Core's model is built only when a context is first asked for, which costs a
/// process about half a second.</summary>
public sealed partial class DatabaseCatalog : ICatalog
{
    private readonly CatalogOptions _options;
    private readonly CatalogConnections _connections;
    private DbContextOptions? _contextOptions;
    private readonly ConcurrentDictionary<string, long> _collectionIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _siteIds = new(StringComparer.Ordinal);

    public DatabaseCatalog(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _connections = new CatalogConnections(options);
    }

    public CatalogProvider Provider => _options.Provider;

    /// <summary>A new context (the caller disposes it). The options are built on first use, not in the constructor:
    /// even naming EF Core's types there would load its assemblies. Two first callers may both build them; either
    /// result is equivalent (options are immutable).</summary>
    public CatalogDbContext CreateContext() =>
        CatalogDbContextFactory.Create(_contextOptions ??= CatalogDbContextFactory.CreateOptions(_options, _connections.Pragmas));

    public async Task<long> EnsureCollectionAsync(string name, string? description, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = await OnConnectionAsync(async c =>
        {
            // The list column is JSON text on SQLite and an array on PostgreSQL.
            const string Select = """SELECT "Id" FROM "Collections" WHERE "Name" = @name""";
            if (await CatalogCommand.ScalarAsync(c, Select, ct, ("@name", name)).ConfigureAwait(false) is { } known)
            {
                return known;
            }

            object noSopClasses = Provider == CatalogProvider.Postgres ? Array.Empty<string>() : "[]";
            await CatalogCommand.ExecuteAsync(c,
                """INSERT INTO "Collections" ("Name", "Description", "AllowedSopClasses") VALUES (@name, @description, @sop) ON CONFLICT ("Name") DO NOTHING""",
                ct, ("@name", name), ("@description", description), ("@sop", noSopClasses)).ConfigureAwait(false);
            return await CatalogCommand.ScalarAsync(c, Select, ct, ("@name", name)).ConfigureAwait(false)
                ?? throw new CatalogException($"Collection '{name}' could not be created.");
        }, ct).ConfigureAwait(false);
        return _collectionIds[name] = id;
    }

    public async Task<long> EnsureSiteAsync(string code, string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var id = await OnConnectionAsync(async c =>
        {
            await CatalogCommand.ExecuteAsync(c,
                """INSERT INTO "Sites" ("Code", "Name") VALUES (@code, @name) ON CONFLICT ("Code") DO NOTHING""",
                ct, ("@code", code), ("@name", name)).ConfigureAwait(false);
            return await CatalogCommand.ScalarAsync(c, """SELECT "Id" FROM "Sites" WHERE "Code" = @code""", ct, ("@code", code)).ConfigureAwait(false)
                ?? throw new CatalogException($"Site '{code}' could not be created.");
        }, ct).ConfigureAwait(false);
        return _siteIds[code] = id;
    }

    public Task<bool> HasInstanceAsync(string collection, string sopInstanceUid, CancellationToken ct) =>
        OnConnectionAsync(async c => await CatalogCommand.ScalarAsync(c,
            """SELECT 1 FROM "Instances" WHERE "CollectionId" = @c AND "SopInstanceUid" = @u LIMIT 1""",
            ct, ("@c", await CollectionIdAsync(c, collection, ct).ConfigureAwait(false)), ("@u", sopInstanceUid)).ConfigureAwait(false) is not null, ct);

    public Task AuditAsync(string actor, string action, string target, string? detail, CancellationToken ct) =>
        OnConnectionAsync(c => CatalogCommand.ExecuteAsync(c,
            """INSERT INTO "AuditEvents" ("At", "Actor", "Action", "Target", "Detail") VALUES (@at, @actor, @action, @target, @detail)""",
            ct, ("@at", DateTime.UtcNow), ("@actor", actor), ("@action", action), ("@target", target), ("@detail", detail)), ct);

    private const int MaxAttempts = 5;
    private static readonly object Done = new();

    /// <summary>Runs <paramref name="once"/> until it returns a value, at most <see cref="MaxAttempts"/> times with a
    /// short growing pause: again when the provider reports a transient conflict (a PostgreSQL deadlock or
    /// serialization failure, SQLite busy), whose transaction was rolled back whole, or when <paramref name="once"/>
    /// returns null (it lost a race with a concurrent writer and rolled back itself).</summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T?>> once, CancellationToken ct)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await once().ConfigureAwait(false) is { } result)
                {
                    return result;
                }

                if (attempt >= MaxAttempts)
                {
                    throw new CatalogException($"A catalog write lost {MaxAttempts} races with concurrent writers in a row.");
                }
            }
            catch (DbException e) when (attempt < MaxAttempts && _connections.IsTransient(e))
            {
                // Rolled back whole; run it again.
            }

            await Task.Delay(10 * attempt, ct).ConfigureAwait(false);
        }
    }

    private Task WithRetriesAsync(Func<Task> once, CancellationToken ct) =>
        WithRetriesAsync<object>(async () =>
        {
            await once().ConfigureAwait(false);
            return Done;
        }, ct);

    /// <summary>Runs <paramref name="work"/> on a pooled raw connection, without a transaction (each statement commits).</summary>
    private async Task<T> OnConnectionAsync<T>(Func<CatalogConnection, Task<T>> work, CancellationToken ct)
    {
        var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(new CatalogConnection(connection, null)).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a writing transaction (<see cref="CatalogConnections.BeginWriteAsync"/>)
    /// on a pooled raw connection; <paramref name="work"/> commits, and what it does not commit is rolled back.</summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<CatalogConnection, Task<T>> work, CancellationToken ct)
    {
        var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var tx = await CatalogConnections.BeginWriteAsync(connection, ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                return await work(new CatalogConnection(connection, tx)).ConfigureAwait(false);
            }
        }
    }

    private Task<long> CollectionIdAsync(CatalogConnection c, string name, CancellationToken ct) =>
        CachedIdAsync(_collectionIds, c, """SELECT "Id" FROM "Collections" WHERE "Name" = @key""", "Collection", name, ct);

    private Task<long> SiteIdAsync(CatalogConnection c, string code, CancellationToken ct) =>
        CachedIdAsync(_siteIds, c, """SELECT "Id" FROM "Sites" WHERE "Code" = @key""", "Site", code, ct);

    private static async Task<long> CachedIdAsync(
        ConcurrentDictionary<string, long> cache, CatalogConnection c, string select, string what, string key, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out var id))
        {
            return id;
        }

        var found = await CatalogCommand.ScalarAsync(c, select, ct, ("@key", key)).ConfigureAwait(false) 
            ?? throw new CatalogException($"{what} '{key}' does not exist; create it first.");
        return cache[key] = found;
    }
}
