namespace Ricord.Annotation.Schemas;

/// <summary>
/// One label: its exact published name (compared after <see cref="LabelNames.Normalize"/>, written as is),
/// a description, a display colour (#RRGGBB), its rank in an ordinal group (null where the group has no
/// order or the label is outside it, e.g. <c>Invalid Study</c>), and whether it excludes every other
/// label of the read at the same scope.
/// </summary>
public sealed record LabelDefinition(string Name, string? Description, string Color, int? Ordinal = null, bool Exclusive = false);
