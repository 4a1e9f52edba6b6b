using Npgsql;

namespace Ricord.Testing;

/// <summary>The throwaway PostgreSQL server the test script starts, named by RICORD_TEST_POSTGRES, and the
/// throwaway databases tests create on it. Compiled into every test project that needs it (tests/Shared).</summary>
internal static class TestPostgres
{
    public const string Variable = "RICORD_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set. CI must start a throwaway PostgreSQL server and set it to e.g. " +
        "'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");

    /// <summary>CREATE DATABASE <paramref name="prefix"/>_&lt;random&gt; on the test server; returns its name and connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync(string prefix)
    {
        string admin = Require();
        string name = prefix + "_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}").ConfigureAwait(false);
        return (name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made, closing what still holds it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Require(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
