namespace Ricord.Annotation.Projects;

/// <summary>A label schema in the store: its identity and the JSON document as imported.</summary>
public sealed record StoredSchema(string Name, int Version, string? Description, string Json, DateTime ImportedAt, string? ImportedBy);
