namespace Ricord.Clinical;

/// <summary>A column of the sheet, the name it is stored under, and what is done with it (and why, when it is dropped).</summary>
public sealed record ClinicalColumn(int Index, string Name, ClinicalColumnKind Kind, string? Reason);
