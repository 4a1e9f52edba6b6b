using Microsoft.Data.Sqlite;

namespace Ricord.Release;

/// <summary>
/// The original patient identifiers in a link table file (DATA/secrets/link.db), opened read-only, for the release
/// scan only: they are compared with release bytes and never printed. (ILinkTable has no way to list them; this
/// reads the table's documented columns without changing anything.)
/// </summary>
public static class LinkTableIdentifiers
{
    public static IReadOnlyList<string> Read(string linkTablePath)
    {
        if (!File.Exists(linkTablePath))
        {
            throw new ReleaseException("the data directory has no link table (secrets/link.db)");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = linkTablePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT original_id FROM patient_link ORDER BY original_id";
        using var reader = cmd.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
