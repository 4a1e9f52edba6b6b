namespace Ricord.Annotation.Schemas;

/// <summary>
/// A group of labels answered together: scope, mode, whether a submitted read must answer it, and
/// whether its labels are ordered (<see cref="LabelDefinition.Ordinal"/>; weighted kappa applies).
/// <see cref="NotApplicableWhen"/> (optional) names an answer of another single-choice group that makes this
/// group moot: a read that gives that answer must leave this group empty, and consensus reports the group
/// as not applicable where the other group's consensus is that answer.
/// </summary>
public sealed record LabelGroup(
    string Name,
    string? Description,
    LabelScope Scope,
    LabelMode Mode,
    IReadOnlyList<LabelDefinition> Labels,
    bool Required = false,
    bool Ordinal = false,
    LabelCondition? NotApplicableWhen = null);
