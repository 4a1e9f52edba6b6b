using System.Text;

namespace Ricord.Release;

/// <summary>Reads a release table back (RFC 4180, as <see cref="CsvTable"/> writes it): rows as header → cell maps.</summary>
public static class CsvReader
{
    public static List<Dictionary<string, string>> ReadFile(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal))];
    }

    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
