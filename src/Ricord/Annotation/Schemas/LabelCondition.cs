namespace Ricord.Annotation.Schemas;

/// <summary>
/// A condition on another group's answer: true when group <see cref="Group"/> is answered with one of
/// <see cref="Labels"/> (names compared after <see cref="LabelNames.Normalize"/>). Used by
/// <see cref="LabelGroup.NotApplicableWhen"/>, e.g. the radiograph grade does not apply when the appearance
/// is <c>Negative for Pneumonia</c> ("no opacities by definition", RICORD.md §3.2).
/// </summary>
public sealed record LabelCondition(string Group, IReadOnlyList<string> Labels);
