using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ricord.Dicom;

namespace Ricord.Clinical;

/// <summary>One row's stored values: the JSON object of its kept columns, in sheet order.</summary>
public sealed partial class ClinicalImporter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static string Values(ClinicalRow row, List<ClinicalColumn> columns, string mrn, int days, ClinicalDates dates, Func<string, string> uids, ClinicalImportReport report)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            foreach (var column in columns.Where(c => c.Kind is not (ClinicalColumnKind.Key or ClinicalColumnKind.Identifying)))
            {
                string? raw = Cell(row, column.Index);
                if (raw is null || (column.Kind != ClinicalColumnKind.Kept && MissingWords.Contains(raw)))
                {
                    w.WriteNull(column.Name);
                    continue;
                }

                var (value, problem) = column.Kind switch
                {
                    ClinicalColumnKind.Temporal => dates.Shift(raw, days) is { } shifted ? (shifted, null) : (null, $"not a date or time (expected {dates.Format} or ISO 8601)"),
                    ClinicalColumnKind.Uid => DicomUidGenerator.IsValid(raw) ? (uids(raw), null) : (null, "not a DICOM UID"),
                    _ => ClinicalColumnRules.ValueProblem(raw, mrn) is { } p ? (null, p) : (raw, (string?)null),
                };
                if (problem is not null)
                {
                    report.Issues.Add(new ClinicalIssue(row.Line, column.Name, problem + "; value left out", RowSkipped: false));
                    w.WriteNull(column.Name);
                }
                else
                {
                    w.WriteString(column.Name, value);
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
