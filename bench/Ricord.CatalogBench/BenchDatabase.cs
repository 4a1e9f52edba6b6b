using Npgsql;
using Ricord.Catalog;

namespace Ricord.CatalogBench;

/// <summary>A fresh database per provider: a temp SQLite file, or a new PostgreSQL database that is dropped at the end.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _admin;
    private readonly string? _name;

    private BenchDatabase(CatalogOptions options, string? directory, string? admin, string? name)
    {
        Options = options;
        _directory = directory;
        _admin = admin;
        _name = name;
    }

    public CatalogOptions Options { get; }

    /// <summary>True when the data is already there.</summary>
    public bool Loaded { get; private init; }

    /// <summary>RICORD_BENCH_SQL=1 prints the first search commands, to check the SQL and its plan.</summary>
    private static Action<string>? SqlLog()
    {
        if (Environment.GetEnvironmentVariable("RICORD_BENCH_SQL") is null)
        {
            return null;
        }

        var printed = 0;
        return line =>
        {
            if (line.Contains("FROM \"Studies\"", StringComparison.Ordinal) && Interlocked.Increment(ref printed) <= 2)
            {
                Console.Error.WriteLine(line);
            }
        };
    }

    public static async Task<BenchDatabase> CreateAsync(string provider, int instances)
    {
        if (provider == "sqlite" && Environment.GetEnvironmentVariable("RICORD_BENCH_SQLITE_FILE") is { } existing)
        {
            // Re-time searches on a catalog kept by an earlier run (RICORD_BENCH_KEEP=1); nothing is loaded.
            return new BenchDatabase(new CatalogOptions { ConnectionString = $"Data Source={existing}", SqlLog = SqlLog() }, null, null, null) { Loaded = true };
        }

        if (provider == "sqlite")
        {
            var root = Environment.GetEnvironmentVariable("RICORD_BENCH_DIR") ?? Path.GetTempPath();
            var dir = Path.Combine(root, "ricord-bench-" + Guid.NewGuid().ToString("N"));
            return new BenchDatabase(new CatalogOptions { DataDirectory = dir, SqlLog = SqlLog() }, dir, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("RICORD_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("RICORD_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set RICORD_BENCH_POSTGRES (or RICORD_TEST_POSTGRES) to a PostgreSQL admin connection string.");
        var name = $"ricord_bench_{instances}_{Environment.ProcessId}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new BenchDatabase(new CatalogOptions { Provider = CatalogProvider.Postgres, ConnectionString = cs, SqlLog = SqlLog() }, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null && Environment.GetEnvironmentVariable("RICORD_BENCH_KEEP") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        if (_admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
