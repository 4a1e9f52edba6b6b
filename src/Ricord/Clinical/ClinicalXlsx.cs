using System.Globalization;
using MiniExcelLibs;

namespace Ricord.Clinical;

/// <summary>XLSX through MiniExcel: the named sheet (or the first), the first non-empty row as header, dates as ISO text.</summary>
internal static class ClinicalXlsx
{
    public static ClinicalTable Read(byte[] bytes, string? sheet)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var names = MiniExcel.GetSheetNames(stream);
            string name = sheet is null ? names.FirstOrDefault() ?? throw new ClinicalDataException("The workbook has no sheets.")
                : names.FirstOrDefault(n => string.Equals(n.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new ClinicalDataException($"The workbook has no sheet named '{sheet}' (it has: {string.Join(", ", names.Select(n => $"'{n}'"))}).");
            stream.Position = 0;
            rows = [.. MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception ex) when (ex is not ClinicalDataException and not OperationCanceledException)
        {
            // The library's message may quote cell text, so only the kind of failure is passed on.
            throw new ClinicalDataException($"The workbook cannot be read ({ex.GetType().Name}).", ex);
        }

        int headerIndex = rows.FindIndex(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(Text(v))));
        if (headerIndex < 0)
        {
            throw new ClinicalDataException("The sheet has no header row.");
        }

        // Row dictionaries are keyed by column letter (A, B, …) in sheet order.
        var letters = rows.SelectMany(r => r.Keys).Distinct().OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var columns = letters.Select(l => Text(rows[headerIndex].TryGetValue(l, out var v) ? v : null)?.Trim() ?? "").ToList();
        var data = new List<ClinicalRow>();
        for (int i = headerIndex + 1; i < rows.Count; i++)
        {
            var cells = letters.Select(l => Text(rows[i].TryGetValue(l, out var v) ? v : null)).ToList();
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                data.Add(new ClinicalRow(i + 1, cells));
            }
        }

        return new ClinicalTable(columns, data);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        decimal x => x.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
