namespace Ricord.Clinical;

/// <summary>
/// One data row: <paramref name="Line"/> is where it starts in the file (CSV line, or spreadsheet row; the
/// header is line 1 when it is the first line). Cells line up with <see cref="ClinicalTable.Columns"/>;
/// spreadsheet dates arrive as ISO 8601 text ("2020-03-15" or "2020-03-15T14:05:00").
/// </summary>
public sealed record ClinicalRow(int Line, IReadOnlyList<string?> Cells);
