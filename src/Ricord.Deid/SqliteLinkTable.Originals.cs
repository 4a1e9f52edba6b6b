using Microsoft.Data.Sqlite;

namespace Ricord.Deid;

/// <summary>Listing what a link table file knows, read-only: for scans that must find none of it (release verify).</summary>
public sealed partial class SqliteLinkTable
{
    /// <summary>
    /// Every original PatientID in the link table file at <paramref name="path"/>, opened read-only (nothing is created or
    /// changed). The values are secret: compare them with bytes, never print them.
    /// </summary>
    public static IReadOnlyList<string> ReadOriginalPatientIds(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
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
