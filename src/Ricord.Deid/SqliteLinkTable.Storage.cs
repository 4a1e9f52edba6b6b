using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ricord.Deid;

/// <summary>Schema, file permissions and busy retries.</summary>
public sealed partial class SqliteLinkTable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS link_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key BLOB NOT NULL CHECK (length(key) = 32),
            created_utc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS patient_link (
            collection TEXT NOT NULL,
            site TEXT NOT NULL,
            original_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            pseudonym TEXT NOT NULL UNIQUE,
            date_offset_days INTEGER NOT NULL,
            created_utc TEXT NOT NULL,
            PRIMARY KEY (collection, site, original_id),
            UNIQUE (collection, site, number));
        CREATE INDEX IF NOT EXISTS patient_link_site_original ON patient_link (site, original_id);
        """;

    private static PatientLink? Find(SqliteConnection connection, SqliteTransaction tx, string collection, string site, string originalPatientId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT pseudonym, date_offset_days FROM patient_link WHERE collection = $c AND site = $s AND original_id = $o";
        cmd.Parameters.AddWithValue("$c", collection);
        cmd.Parameters.AddWithValue("$s", site);
        cmd.Parameters.AddWithValue("$o", originalPatientId);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new PatientLink(reader.GetString(0), reader.GetInt32(1)) : null;
    }

    private static long NextNumber(SqliteConnection connection, SqliteTransaction tx, string collection, string site)
    {
        using var next = connection.CreateCommand();
        next.Transaction = tx;
        next.CommandText = "SELECT COALESCE(MAX(number), 0) + 1 FROM patient_link WHERE collection = $c AND site = $s";
        next.Parameters.AddWithValue("$c", collection);
        next.Parameters.AddWithValue("$s", site);
        return Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction tx, string collection, string site, string originalPatientId, long number, PatientLink link)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO patient_link (collection, site, original_id, number, pseudonym, date_offset_days, created_utc)
            VALUES ($c, $s, $o, $n, $p, $d, $t)
            """;
        insert.Parameters.AddWithValue("$c", collection);
        insert.Parameters.AddWithValue("$s", site);
        insert.Parameters.AddWithValue("$o", originalPatientId);
        insert.Parameters.AddWithValue("$n", number);
        insert.Parameters.AddWithValue("$p", link.Pseudonym);
        insert.Parameters.AddWithValue("$d", link.DateOffsetDays);
        insert.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    /// <summary>The file and its folder are readable by the owner only (0600 / 0700) before SQLite opens it.</summary>
    private static void CreateFilePrivately(string path)
    {
        string dir = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection, retrying while the database is busy or locked.</summary>
    private T WithRetry<T>(Func<SqliteConnection, T> work)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new SqliteConnection(_connectionString);
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    // Every commit is synced before it returns (WAL with FULL): a link, once committed, survives a crash or power loss.
                    pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
                    pragma.ExecuteNonQuery();
                }

                return work(connection);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < MaxAttempts)
            {
                // SQLITE_BUSY / SQLITE_LOCKED: another writer holds the lock.
                Thread.Sleep(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)));
            }
        }
    }
}
