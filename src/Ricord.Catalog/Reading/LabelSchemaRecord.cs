namespace Ricord.Catalog;

/// <summary>A label schema as stored: (Name, Version) is unique and immutable once imported; <see cref="Json"/> is
/// the schema document exactly as imported.</summary>
public sealed class LabelSchemaRecord
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public string? Description { get; set; }
    public required string Json { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="Json"/>'s UTF-8 bytes: a re-import of the same text is a no-op.</summary>
    public required string JsonHash { get; set; }

    public DateTime ImportedAt { get; set; }
    public string? ImportedBy { get; set; }
}
