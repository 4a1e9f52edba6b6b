using System.Data.Common;
using System.Text.RegularExpressions;

namespace Ricord.Catalog;

/// <summary>
/// The catalog's schema without EF Core: which migrations this build has and which a database has applied, and a
/// fresh catalog created from the script EF Core generates from nothing to the latest migration
/// (<c>IMigrator.GenerateScript</c> without transactions, embedded as <c>Catalog/Schema/{sqlite,postgres}.sql</c>;
/// a test fails when it differs from what EF Core generates now and says how to regenerate it).
/// </summary>
internal static partial class CatalogSchema
{
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>Namespace of the PostgreSQL advisory lock that serialises the creation of a fresh catalog.</summary>
    private const int CreateLockClass = 0x5253434D; // "RSCM"

    private static readonly Lazy<string> SqliteScript = new(() => Load(CatalogProvider.Sqlite));
    private static readonly Lazy<string> PostgresScript = new(() => Load(CatalogProvider.Postgres));

    /// <summary>The logical name of a provider's embedded script.</summary>
    public static string ResourceName(CatalogProvider provider) =>
        "Ricord.Catalog.Schema." + (provider == CatalogProvider.Sqlite ? "sqlite" : "postgres") + ".sql";

    public static string Script(CatalogProvider provider) => (provider == CatalogProvider.Sqlite ? SqliteScript : PostgresScript).Value;

    /// <summary>This build's migration ids, in order: the history rows the script inserts, which the script test
    /// keeps equal to the migrations EF Core finds in this assembly.</summary>
    public static IReadOnlyList<string> Migrations(CatalogProvider provider) =>
        [.. HistoryInsert().Matches(Script(provider)).Select(m => m.Groups["id"].Value)];

    /// <summary>The migration ids in the history table; empty when there is no history table.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(CatalogConnection c, CatalogProvider provider, CancellationToken ct)
    {
        var exists = provider == CatalogProvider.Sqlite
            ? $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'"
            : $"""SELECT 1 WHERE to_regclass('"{HistoryTable}"') IS NOT NULL""";
        return await CatalogCommand.ScalarAsync(c, exists, ct).ConfigureAwait(false) is null
            ? []
            : await CatalogCommand.ColumnAsync(c, $"""SELECT "MigrationId" FROM "{HistoryTable}" ORDER BY "MigrationId" """, ct).ConfigureAwait(false);
    }

    /// <summary>Whether the database has no table at all (in PostgreSQL's current schema, where the script creates them).</summary>
    public static async Task<bool> IsEmptyAsync(CatalogConnection c, CatalogProvider provider, CancellationToken ct)
    {
        var anyTable = provider == CatalogProvider.Sqlite
            ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' LIMIT 1"
            : """
              SELECT 1 FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
              WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p', 'v', 'm', 'f') LIMIT 1
              """;
        return await CatalogCommand.ScalarAsync(c, anyTable, ct).ConfigureAwait(false) is null;
    }

    /// <summary>Creates the whole schema, history rows included, in one transaction, if the database is still empty
    /// once this process holds the lock: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL a transaction-scoped
    /// advisory lock. Returns false, changing nothing, when another process got there first.</summary>
    public static async Task<bool> CreateAsync(DbConnection connection, CatalogProvider provider, CancellationToken ct)
    {
        var tx = await CatalogConnections.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var c = new CatalogConnection(connection, tx);
            if (provider == CatalogProvider.Postgres)
            {
                await CatalogCommand.ExecuteAsync(c, "SELECT pg_advisory_xact_lock(@class, 0)", ct, ("@class", CreateLockClass)).ConfigureAwait(false);
            }

            if (!await IsEmptyAsync(c, provider, ct).ConfigureAwait(false))
            {
                return false;
            }

            await CatalogCommand.ExecuteAsync(c, Script(provider), ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    private static string Load(CatalogProvider provider)
    {
        var name = ResourceName(provider);
        using var stream = typeof(CatalogSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new CatalogException($"The embedded catalog schema {name} is missing from this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("""INSERT INTO "__EFMigrationsHistory" \("MigrationId", "ProductVersion"\)\s*VALUES \('(?<id>[^']+)'""")]
    private static partial Regex HistoryInsert();
}
