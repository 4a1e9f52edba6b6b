namespace Ricord.Annotation.Schemas;

/// <summary>
/// A group of labels answered together: scope, mode, whether a submitted read must answer it, and
/// whether its labels are ordered (<see cref="LabelDefinition.Ordinal"/>; weighted kappa applies).
/// </summary>
public sealed record LabelGroup(
    string Name,
    string? Description,
    LabelScope Scope,
    LabelMode Mode,
    IReadOnlyList<LabelDefinition> Labels,
    bool Required = false,
    bool Ordinal = false);
