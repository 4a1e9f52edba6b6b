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
        if (!_cache.TryGetValue((collection, site, originalPatientId), out var link))
        {
            GetOrCreatePatients(collection, site, [originalPatientId], dateShift);
            link = _cache[(collection, site, originalPatientId)];
        }

        return link;
    }

    /// <summary>
    /// Links every patient of <paramref name="originalPatientIds"/> that this process has not met yet in one IMMEDIATE
    /// transaction, committed (and synced: <c>synchronous = FULL</c>) before it returns; new patients are numbered in the
    /// order given, as one by one. IDs that cannot be linked (empty, or invalid codes) are left out: linking them one by
    /// one says why.
    /// </summary>
    public void GetOrCreatePatients(string collection, string site, IReadOnlyList<string> originalPatientIds, DateShiftRange dateShift)
    {
        ArgumentNullException.ThrowIfNull(originalPatientIds);
        if (RegistryCodes.Problem(collection, site: false) is not null || RegistryCodes.Problem(site, site: true) is not null)
        {
            return;
        }

        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in originalPatientIds)
        {
            if (!string.IsNullOrWhiteSpace(id) && seen.Add(id) && !_cache.ContainsKey((collection, site, id)))
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        byte[] key = GetKey();
        var links = WithRetry(connection =>
        {
            var found = new List<(string Id, PatientLink Link)>(missing.Count);
            using var tx = connection.BeginTransaction(deferred: false);
            long next = 0;
            foreach (var id in missing)
            {
                if (Find(connection, tx, collection, site, id) is { } existing)
                {
                    found.Add((id, existing));
                    continue;
                }

                next = next > 0 ? next : NextNumber(connection, tx, collection, site);
                var created = new PatientLink(LinkTableRules.Pseudonym(collection, site, next), LinkTableRules.DateOffset(key, collection, site, id, dateShift));
                Insert(connection, tx, collection, site, id, next, created);
                next++;
                found.Add((id, created));
            }

            tx.Commit();
            return found;
        });
        foreach (var (id, link) in links)
        {
            _cache[(collection, site, id)] = link;
        }
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
