namespace Ricord.Annotation.Mdai;

/// <summary>
/// Annotations whose label is not in the schema, or whose <c>labelId</c> is in no label group (then
/// <see cref="RawName"/> and <see cref="MdaiGroup"/> are null). Reported, never silently dropped.
/// </summary>
public sealed record MdaiUnknownLabel(string LabelId, string? RawName, string? MdaiGroup, int Annotations);
