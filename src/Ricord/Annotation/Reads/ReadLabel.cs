namespace Ricord.Annotation.Reads;

/// <summary>
/// One label a reader gave: group and label names as the schema spells them; the series and instance it
/// is attached to for SERIES and INSTANCE scope (null for STUDY scope).
/// </summary>
public sealed record ReadLabel(string Group, string Label, string? SeriesInstanceUid = null, string? SopInstanceUid = null);
