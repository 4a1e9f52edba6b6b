namespace Ricord.Clinical;

/// <summary>A problem with one row: its line, the column, and what is wrong — never the cell's value.</summary>
public sealed record ClinicalIssue(int Line, string? Column, string Problem, bool RowSkipped)
{
    public override string ToString() => Column is null ? $"row {Line}: {Problem}" : $"row {Line}: {Column}: {Problem}";
}
