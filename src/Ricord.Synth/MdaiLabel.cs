namespace Ricord.Synth;

/// <summary>A label of an MD.ai label group: the exact RICORD name, scope and drawing mode (null for study labels).</summary>
internal sealed record MdaiLabel(string Id, string Name, string Scope, string? AnnotationMode, string Color);
