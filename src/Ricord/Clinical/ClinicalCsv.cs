using System.Text;

namespace Ricord.Clinical;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF, a UTF-8 BOM,
/// and the delimiter (comma, semicolon or tab) taken from the header line. Text that is not valid UTF-8
/// is read as Windows-1252's Latin-1 subset (what spreadsheet exports on European PCs write).
/// </summary>
internal static class ClinicalCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static ClinicalTable Read(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        text = text.TrimStart('\uFEFF');
        if (LooksBinary(text))
        {
            throw new ClinicalDataException("The file is neither CSV text nor an XLSX workbook: it holds binary data (NUL or control bytes).");
        }

        char delimiter = Delimiter(text);
        var records = Parse(text, delimiter).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (records.Count == 0)
        {
            throw new ClinicalDataException("The file has no header line.");
        }

        var columns = records[0].Cells.Select(c => c?.Trim() ?? "").ToList();
        int width = records.Max(r => r.Cells.Count);
        while (columns.Count < width)
        {
            // Cells past the last header are kept under a made-up name rather than lost.
            columns.Add("");
        }

        var rows = records.Skip(1).Select(r => new ClinicalRow(r.Line, Pad(r.Cells, columns.Count))).ToList();
        return new ClinicalTable(columns, rows);
    }

    /// <summary>NUL anywhere, or more than 1 in 20 characters a control character other than tab and line breaks.</summary>
    private static bool LooksBinary(string text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            controls += char.IsControl(c) && c is not ('\t' or '\r' or '\n') ? 1 : 0;
        }

        return controls * 20 > text.Length;
    }

    private static List<string?> Pad(List<string?> cells, int n)
    {
        while (cells.Count < n)
        {
            cells.Add(null);
        }

        return cells;
    }

    private static char Delimiter(string text)
    {
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        string header = end < 0 ? text : text[..end];
        int commas = header.Count(c => c == ','), semicolons = header.Count(c => c == ';'), tabs = header.Count(c => c == '\t');
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static IEnumerable<(int Line, List<string?> Cells)> Parse(string text, char delimiter)
    {
        var cells = new List<string?>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = any = true;
            }
            else if (c == delimiter)
            {
                cells.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(field.ToString());
                field.Clear();
                yield return (start, cells);
                cells = [];
                any = false;
                start = ++line;
            }
            else
            {
                field.Append(c);
                any = true;
            }
        }

        if (quoted)
        {
            // Else everything after it would silently become one cell of one row.
            throw new ClinicalDataException($"Line {start}: a quoted cell is never closed (a \" without its closing \"); nothing was imported, fix the quote and import again.");
        }

        if (any || field.Length > 0)
        {
            cells.Add(field.ToString());
            yield return (start, cells);
        }
    }
}
