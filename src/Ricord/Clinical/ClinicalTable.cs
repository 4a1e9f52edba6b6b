namespace Ricord.Clinical;

/// <summary>A clinical sheet as read: column headers as written (trimmed) and the data rows with their line numbers.</summary>
public sealed record ClinicalTable(IReadOnlyList<string> Columns, IReadOnlyList<ClinicalRow> Rows);
