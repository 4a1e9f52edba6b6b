using System.Globalization;
using System.Text;

namespace Ricord.Release;

/// <summary>
/// A release table: UTF-8 without BOM, '\n' line ends, RFC 4180 quoting (a cell with a comma, quote, CR or LF is
/// quoted, quotes doubled). A cell a spreadsheet would run as a formula (first character '=', '+', '-', '@', tab or
/// CR) gets a leading apostrophe (OWASP CSV injection) unless it is a plain number such as "-3.5", which spreadsheets
/// read as a number anyway; the data dictionary says so.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Length;
        Add(header);
    }

    /// <summary>Rows after the header.</summary>
    public int RowCount { get; private set; } = -1;

    public void Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {_columns} columns", nameof(cells));
        }

        _text.AppendJoin(',', cells.Select(c => Escape(Format(c)))).Append('\n');
        RowCount++;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : d.ToString("0.######", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Escape(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
