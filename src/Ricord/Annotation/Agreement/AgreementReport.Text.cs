using System.Globalization;
using System.Text;

namespace Ricord.Annotation.Agreement;

public sealed partial record AgreementReport
{
    private static readonly string[] CsvHeader = ["kind", "group", "study", "statistic", "reader_a", "reader_b", "n", "value", "ci_lower", "ci_upper", "note", "patient"];

    /// <summary>The rows as RFC 4180 CSV (invariant numbers to 15 significant digits, empty where NaN), header first, LF line ends.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteCsvLine(writer, CsvHeader);
        foreach (var r in Rows())
        {
            WriteCsvLine(writer, [r.Kind, r.Group, r.Study ?? "", r.Statistic, r.ReaderA, r.ReaderB, r.N.ToString(CultureInfo.InvariantCulture), Number(r.Value), Number(r.Lower), Number(r.Upper), r.Note ?? "", r.Patient ?? ""]);
        }
    }

    /// <summary>Every confusion matrix in long form: group, reader_a, reader_b, category_a, category_b, count.</summary>
    public void WriteConfusionCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteCsvLine(writer, ["group", "reader_a", "reader_b", "category_a", "category_b", "count"]);
        foreach (var g in Labels)
        {
            foreach (var p in g.Pairs.Concat(g.VersusConsensus))
            {
                for (int i = 0; i < g.Categories.Count; i++)
                {
                    for (int j = 0; j < g.Categories.Count; j++)
                    {
                        WriteCsvLine(writer, [g.Group, p.ReaderA, p.ReaderB, g.Categories[i], g.Categories[j], p.Confusion[i, j].ToString(CultureInfo.InvariantCulture)]);
                    }
                }
            }
        }
    }

    /// <summary>The group-level rows (no per-study segmentation rows) as an aligned text table for a terminal.</summary>
    public void WriteTable(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string[] header = ["group", "statistic", "readers", "n", "value", "95% CI", "note"];
        var rows = Rows().Where(r => r.Study is null).Select(r => new[]
        {
            r.Group, r.Statistic, r.ReaderB.Length == 0 ? r.ReaderA : $"{r.ReaderA} vs {r.ReaderB}", r.N.ToString(CultureInfo.InvariantCulture),
            Fixed(r.Value), double.IsNaN(r.Lower) ? "" : $"{Fixed(r.Lower)} – {Fixed(r.Upper)}", r.Note ?? "",
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            writer.Write(string.Join("  ", r.Select((cell, c) => c is 3 or 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            writer.Write('\n');
        }
    }

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("G15", CultureInfo.InvariantCulture);

    private static string Fixed(double v) => double.IsNaN(v) ? "NaN" : v.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>One RFC 4180 line (quoted where a cell holds a comma, quote or line break), LF-terminated.</summary>
    internal static void WriteCsvLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            string c = cells[i];
            line.Append(c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c);
        }

        writer.Write(line.Append('\n').ToString());
    }
}
