namespace Ricord.Annotation.Schemas;

/// <summary>A label schema: data (JSON) a curator can read and adjust. <see cref="Name"/> and <see cref="Version"/> identify it.</summary>
public sealed record LabelSchema(string Name, int Version, string? Description, IReadOnlyList<LabelGroup> Groups);
