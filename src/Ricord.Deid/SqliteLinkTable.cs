using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ricord.Deid;

/// <summary>
/// The link table in its own SQLite file (e.g. DATA/secrets/link.db), created with mode 0600 in a
/// 0700 folder, apart from the catalog. Safe for several threads and processes at once: every
/// assignment runs in a write (IMMEDIATE) transaction under UNIQUE constraints, retried while busy.
/// </summary>
public sealed partial class SqliteLinkTable : ILinkTable
{
    private const int MaxAttempts = 50;

    private readonly string _connectionString;
    private readonly ConcurrentDictionary<(string, string, string), PatientLink> _cache = new();
    private byte[]? _key;

    public SqliteLinkTable(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        CreateFilePrivately(Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
        WithRetry(connection =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Schema;
            cmd.ExecuteNonQuery();
            return 0;
        });
    }

    /// <summary>Where the table lives (not secret itself; its contents are).</summary>
    public string Path { get; }

    public PatientLink GetOrCreatePatient(string collection, string site, string originalPatientId, DateShiftRange dateShift)
    {
        LinkTableRules.ValidateCode(collection, "collection");
        LinkTableRules.ValidateCode(site, "site");
        LinkTableRules.ValidatePatientId(originalPatientId);
        if (_cache.TryGetValue((collection, site, originalPatientId), out var cached))
        {
            return cached;
        }

        byte[] key = GetKey();
        var link = WithRetry(connection =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var existing = Find(connection, tx, collection, site, originalPatientId);
            if (existing is not null)
            {
                tx.Commit();
                return existing;
            }

            using var next = connection.CreateCommand();
            next.Transaction = tx;
            next.CommandText = "SELECT COALESCE(MAX(number), 0) + 1 FROM patient_link WHERE collection = $c AND site = $s";
            next.Parameters.AddWithValue("$c", collection);
            next.Parameters.AddWithValue("$s", site);
            long n = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            var created = new PatientLink(
                LinkTableRules.Pseudonym(collection, site, n),
                LinkTableRules.DateOffset(key, collection, site, originalPatientId, dateShift));
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO patient_link (collection, site, original_id, number, pseudonym, date_offset_days, created_utc)
                VALUES ($c, $s, $o, $n, $p, $d, $t)
                """;
            insert.Parameters.AddWithValue("$c", collection);
            insert.Parameters.AddWithValue("$s", site);
            insert.Parameters.AddWithValue("$o", originalPatientId);
            insert.Parameters.AddWithValue("$n", n);
            insert.Parameters.AddWithValue("$p", created.Pseudonym);
            insert.Parameters.AddWithValue("$d", created.DateOffsetDays);
            insert.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            tx.Commit();
            return created;
        });
        _cache[(collection, site, originalPatientId)] = link;
        return link;
    }

    public IReadOnlyList<(string Collection, PatientLink Link)> FindPatient(string site, string originalPatientId, string? collection = null) =>
        WithRetry(connection =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                SELECT collection, pseudonym, date_offset_days FROM patient_link
                WHERE site = $s AND original_id = $o AND ($c IS NULL OR collection = $c) ORDER BY collection
                """;
            cmd.Parameters.AddWithValue("$s", site);
            cmd.Parameters.AddWithValue("$o", originalPatientId);
            cmd.Parameters.AddWithValue("$c", (object?)collection ?? DBNull.Value);
            using var reader = cmd.ExecuteReader();
            var found = new List<(string, PatientLink)>();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), new PatientLink(reader.GetString(1), reader.GetInt32(2))));
            }

            return (IReadOnlyList<(string Collection, PatientLink Link)>)found;
        });

    public string GetOrCreatePseudonym(string collection, string site, string originalPatientId) =>
        GetOrCreatePatient(collection, site, originalPatientId, DateShiftRange.Default).Pseudonym;

    public int GetDateOffsetDays(string collection, string site, string originalPatientId) =>
        GetOrCreatePatient(collection, site, originalPatientId, DateShiftRange.Default).DateOffsetDays;

    public byte[] GetKey()
    {
        if (_key is { } k)
        {
            return (byte[])k.Clone();
        }

        _key = WithRetry(connection =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using var read = connection.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT key FROM link_key WHERE id = 1";
            if (read.ExecuteScalar() is byte[] stored)
            {
                tx.Commit();
                return stored;
            }

            byte[] fresh = LinkTableRules.NewKey();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO link_key (id, key, created_utc) VALUES (1, $k, $t)";
            insert.Parameters.AddWithValue("$k", fresh);
            insert.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            tx.Commit();
            return fresh;
        });
        return (byte[])_key.Clone();
    }

    /// <summary>How many patients the table links; for reports (a count, never an identifier).</summary>
    public long PatientCount() => WithRetry(connection =>
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM patient_link";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public override string ToString() => $"SqliteLinkTable ({Path})";

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
